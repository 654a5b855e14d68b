import type { OpenAPIObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { completeOpenApiDocument, methodNotAllowed } from './openapi';

const document = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      Vote: { type: 'object', properties: { reason: { type: ['string', 'null'] as unknown as 'string' } } },
    },
  },
  paths: {
    '/api/health': { get: { responses: { '200': { description: 'ok' } } } },
    '/api/things/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        security: [{ bearer: [] }],
        responses: { '200': { description: 'ok' }, '409': { description: 'busy' } },
      },
      patch: {
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/things/export.csv': { get: { responses: { '200': { description: 'csv' } } } },
  },
});

describe('completeOpenApiDocument', () => {
  it('documents the error responses each operation can give, with the error body', () => {
    const paths = completeOpenApiDocument(document()).paths;
    expect(Object.keys(paths['/api/health'].get?.responses ?? {})).toEqual(['200', '429', '503']);
    const get = paths['/api/things/{id}'].get?.responses ?? {};
    expect(Object.keys(get).sort()).toEqual(['200', '400', '401', '404', '409', '429', '503']);
    expect(get['409']).toMatchObject({
      description: 'busy',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
    expect(Object.keys(paths['/api/things/{id}'].patch?.responses ?? {})).toContain('413');
  });

  it('turns JSON Schema null types into OpenAPI 3.0 nullable', () => {
    const schemas = completeOpenApiDocument(document()).components?.schemas ?? {};
    expect(schemas['Vote']).toEqual({
      type: 'object',
      properties: { reason: { type: 'string', nullable: true } },
    });
  });
});

describe('methodNotAllowed', () => {
  const run = (method: string, path: string, headers: Record<string, string> = {}) => {
    const response = { status: jest.fn(), json: jest.fn(), setHeader: jest.fn() };
    response.status.mockReturnValue(response);
    const next = jest.fn();
    methodNotAllowed(document())(
      { method, path, headers } as unknown as Request,
      response as unknown as Response,
      next,
    );
    return { next, response };
  };

  it('answers 405 with Allow for a documented path asked with another method', () => {
    const { next, response } = run('DELETE', '/api/things/abc');
    expect(next).not.toHaveBeenCalled();
    expect(response.status).toHaveBeenCalledWith(405);
    expect(response.setHeader).toHaveBeenCalledWith('Allow', 'GET, PATCH, HEAD');
    expect(response.json).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'METHOD_NOT_ALLOWED', message: 'DELETE is not allowed here' }),
    );
  });

  it('says so in Russian to a client that prefers it', () => {
    const { response } = run('DELETE', '/api/things/abc', { 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(response.json).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'METHOD_NOT_ALLOWED',
        message: 'Метод DELETE здесь не поддерживается',
      }),
    );
  });

  it('lets documented methods, HEAD for GET, and unknown paths through; a literal path wins', () => {
    expect(run('PATCH', '/api/things/abc').next).toHaveBeenCalled();
    expect(run('HEAD', '/api/health').next).toHaveBeenCalled();
    expect(run('DELETE', '/api/nowhere').next).toHaveBeenCalled();
    expect(run('PATCH', '/api/things/export.csv').response.status).toHaveBeenCalledWith(405);
  });
});
