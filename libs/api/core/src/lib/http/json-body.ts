import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** A 4000-character message is ~16 KB even in 4-byte characters. */
const JSON_BODY_LIMIT = '100kb';

interface BodyReadError {
  type?: string;
  code?: string;
  status?: number;
}

/**
 * The one body parser of the API: JSON only (any other body reaches the handler as no body, and its
 * schema refuses it), at most JSON_BODY_LIMIT. A body that cannot be read is the client's fault, so its
 * error becomes the HttpException saying why; the error filter then answers it as it answers any other.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: JSON_BODY_LIMIT });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) => next(error === undefined ? undefined : readError(error)));
}

function readError(error: unknown): unknown {
  const { type, code, status } = error as BodyReadError;
  if (typeof status !== 'number' || status < 400 || status >= 500) return error;
  const cause = { cause: error };
  if (type === 'entity.too.large')
    return new PayloadTooLargeException('The request body is too large', cause);
  if (type === 'entity.parse.failed')
    return new BadRequestException('The request body is not valid JSON', cause);
  // An unsupported charset or encoding, a body that is not what its Content-Encoding says, an aborted upload.
  const reason = type ?? code ?? 'unreadable';
  return new BadRequestException(`The request body could not be read (${reason})`, cause);
}
