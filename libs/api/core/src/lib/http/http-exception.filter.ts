import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody } from './error-body';

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error);
    if (body.statusCode === 503) response.setHeader('Retry-After', '2');
    // Always JSON, even where the route set another type before failing (the CSV exports do).
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).json(body);
  }
}
