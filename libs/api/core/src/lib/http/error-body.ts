import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import { HTTP_STATUS_BY_CODE, type ErrorBody, type ErrorCode } from '@helix/contract';
import { isDatabaseUnavailable } from '../database/database-errors';
import { localizeErrorMessage } from './error-messages';
import type { RequestLanguage } from './request-language';
import { localizeIssue } from './validation-messages';

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(HTTP_STATUS_BY_CODE).map(([code, status]) => [status, code as ErrorCode]),
);

const logger = new Logger('Errors');

/**
 * Turns anything thrown by a handler into the contract's error body; shared by HTTP and sockets. The
 * message is in the caller's language (`code`, `error` and `statusCode` never change with it).
 */
export function toErrorBody(error: unknown, language: RequestLanguage = 'en'): ErrorBody {
  const body = englishOrIssues(error);
  if ('issues' in body) {
    const { issues, ...rest } = body;
    return {
      ...rest,
      message: issues.map((issue) => {
        const text = localizeIssue(issue, language);
        return issue.path.length ? `${issue.path.join('.')}: ${text}` : text;
      }),
    };
  }
  const message = Array.isArray(body.message)
    ? body.message.map((line) => localizeErrorMessage(line, language))
    : localizeErrorMessage(body.message, language);
  return { ...body, message };
}

type ValidationBody = Omit<ErrorBody, 'message'> & { issues: ZodError['issues'] };

function englishOrIssues(error: unknown): ErrorBody | ValidationBody {
  if (error instanceof ZodValidationException) {
    const cause = error.getZodError();
    // A schema whose refinement threw wraps that error, not a ZodError: a bug to log, not bad input.
    if (!Array.isArray((cause as Partial<ZodError> | undefined)?.issues)) return englishOrIssues(cause);
    return validationBody(cause as ZodError);
  }
  if (error instanceof ZodError) return validationBody(error);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? (response as { message: string | string[] }).message
        : error.message;
    const lines =
      typeof response === 'object' && response ? (response as Pick<ErrorBody, 'lines'>).lines : undefined;
    return {
      statusCode: status,
      error: statusText(status),
      message,
      code: CODE_BY_STATUS.get(status) ?? 'INTERNAL',
      ...(lines && { lines }),
    };
  }
  if (isDatabaseUnavailable(error)) return body(503, 'The database is unavailable; try again shortly');
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return body(500, 'Something went wrong on our side');
}

function validationBody(error: ZodError): ValidationBody {
  return { statusCode: 400, error: 'Bad Request', issues: error.issues, code: 'VALIDATION' };
}

function body(status: number, message: string): ErrorBody {
  return {
    statusCode: status,
    error: statusText(status),
    message,
    code: CODE_BY_STATUS.get(status) ?? 'INTERNAL',
  };
}

function statusText(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' ')
    : 'Error';
}
