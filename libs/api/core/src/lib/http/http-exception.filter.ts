import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorBody } from './error-body';
import { languageOf } from './request-language';
import { RetryLaterException } from './retry-later.exception';

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const body = toErrorBody(error, languageOf(http.getRequest<Request>().headers['accept-language']));
    if (body.statusCode === 503) response.setHeader('Retry-After', '2');
    if (body.statusCode === 429) response.setHeader('Retry-After', String(retryAfter(error, response)));
    // Always JSON, even where the route set another type before failing (the CSV exports do).
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).json(body);
  }
}

/** The throttler names its header per limit (Retry-After-person); clients look for the standard one. */
function retryAfter(error: unknown, response: Response): number {
  const waits = Object.entries(response.getHeaders())
    .filter(([name]) => name.startsWith('retry-after-'))
    .map(([, value]) => Number(value))
    .filter((seconds) => Number.isFinite(seconds));
  if (error instanceof RetryLaterException) waits.push(error.retryAfterSeconds);
  return Math.max(1, ...waits.map(Math.ceil));
}
