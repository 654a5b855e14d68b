import { HttpException, HttpStatus } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ERROR_CODES } from '@helix/contract';
import { toErrorBody } from './error-body';
import { languageOf } from './request-language';

type Json = Record<string, unknown>;
type Operation = { parameters?: Json[]; requestBody?: unknown; security?: unknown[]; responses?: Json };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The contract's error body, as every 4xx/5xx of the API sends it. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string' },
    message: {
      description: 'One sentence, or one line per problem for validation errors',
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
    code: { type: 'string', enum: [...ERROR_CODES] },
  },
  required: ['statusCode', 'error', 'message', 'code'],
  additionalProperties: false,
};

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Bad input: the body, a parameter or the query does not match the schema',
  '401': 'Not signed in: the access token is missing, invalid or expired',
  '404': 'Not found',
  '413': 'The request body is too large',
  '429': 'Rate limited; retry after the Retry-After seconds',
  '503': 'The database is unavailable; retry after the Retry-After seconds',
};

/**
 * Completes the generated OpenAPI document with what decorators would repeat on every route: the error
 * responses each operation can give (with the ErrorBody schema), and OpenAPI 3.0 `nullable` where zod
 * emitted JSON Schema's `type: [T, "null"]`. Explicitly documented responses keep their descriptions.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  schemas['ErrorBody'] = ERROR_BODY_SCHEMA;
  for (const schema of Object.values(schemas)) nullableTypes(schema);
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const inputs = (operation.parameters ?? []).some((parameter) => parameter['in'] !== 'header');
      const wanted = [
        ...(inputs || operation.requestBody ? ['400'] : []),
        ...(operation.security?.length ? ['401'] : []),
        ...(path.includes('{') ? ['404'] : []),
        ...(operation.requestBody ? ['413'] : []),
        '429',
        '503',
      ];
      for (const status of wanted) responses[status] ??= { description: ERROR_DESCRIPTIONS[status] };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400) continue;
        const entry = response as { description?: string; content?: Json };
        if (!entry.description) entry.description = ERROR_DESCRIPTIONS[status] ?? 'Error';
        if (!entry.content?.['application/json']) entry.content = errorContent;
      }
      for (const parameter of operation.parameters ?? []) nullableTypes(parameter['schema']);
      const body = operation.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
      for (const media of Object.values(body?.content ?? {})) nullableTypes(media.schema);
    }
  }
  return document;
}

/** `type: ["string", "null"]` (JSON Schema, OpenAPI 3.1) → `type: "string", nullable: true` (OpenAPI 3.0). */
function nullableTypes(schema: unknown): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const item of schema) nullableTypes(item);
    return;
  }
  const node = schema as Json;
  const type = node['type'];
  if (Array.isArray(type) && type.includes('null')) {
    const rest = type.filter((name) => name !== 'null');
    if (rest.length === 1) {
      node['type'] = rest[0];
      node['nullable'] = true;
    }
  }
  for (const value of Object.values(node)) nullableTypes(value);
}

/**
 * 405 with an `Allow` header for a documented API path asked with a method it does not have (404 stays
 * for paths that do not exist at all). HEAD is allowed wherever GET is. Where a literal path and a
 * templated one both match, the literal one decides.
 */
export function methodNotAllowed(document: OpenAPIObject) {
  const routes = Object.entries(document.paths).map(([path, item]) => ({
    pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
    methods: METHODS.filter((method) => (item as Record<string, unknown>)[method]).map((method) =>
      method.toUpperCase(),
    ),
    templated: (path.match(/\{/g) ?? []).length,
  }));
  return (request: Request, response: Response, next: NextFunction): void => {
    let matching = routes.filter((route) => route.pattern.test(request.path));
    if (!matching.length) return next();
    // A literal segment wins over a parameter: `/initiatives/outcome.csv` is not `/initiatives/{id}`.
    const fewest = Math.min(...matching.map((route) => route.templated));
    matching = matching.filter((route) => route.templated === fewest);
    const allowed = new Set(matching.flatMap((route) => route.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(request.method)) return next();
    const body = toErrorBody(
      new HttpException(`${request.method} is not allowed here`, HttpStatus.METHOD_NOT_ALLOWED),
      languageOf(request.headers['accept-language']),
    );
    response.setHeader('Allow', [...allowed].join(', '));
    response.status(body.statusCode).json(body);
  };
}
