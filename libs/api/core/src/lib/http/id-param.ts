import { Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { idSchema } from '@helix/contract';
import { ZodValidationException } from 'nestjs-zod';

class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const result = idSchema.safeParse(value);
    if (!result.success) throw new ZodValidationException(result.error);
    return result.data;
  }
}

/** The OpenAPI form of an id path parameter, so clients and fuzzers know its shape. */
export const ID_PATTERN = '^[0-9a-f]{24}$';

/**
 * A route parameter that must be a valid object id (400 otherwise, never a database error). It also
 * documents the parameter in OpenAPI (a 24-character hexadecimal string), so no separate @ApiParam is needed.
 */
export const IdParam =
  (name: string): ParameterDecorator =>
  (target, propertyKey, index) => {
    Param(name, new ParseIdPipe())(target, propertyKey, index);
    if (propertyKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (!descriptor) return;
    ApiParam({
      name,
      required: true,
      description: 'Object id (24 hexadecimal characters)',
      schema: { type: 'string', pattern: ID_PATTERN },
    })(target, propertyKey, descriptor);
  };
