import { Param, type PipeTransform } from '@nestjs/common';
import { idSchema } from '@helix/contract';
import { ZodValidationException } from 'nestjs-zod';

class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const result = idSchema.safeParse(value);
    if (!result.success) throw new ZodValidationException(result.error);
    return result.data;
  }
}

/** A route parameter that must be a valid object id (400 otherwise, never a database error). */
export const IdParam = (name: string): ParameterDecorator => Param(name, new ParseIdPipe());
