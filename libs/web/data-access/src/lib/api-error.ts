import {
  ERROR_CODES,
  HTTP_STATUS_BY_CODE,
  type ErrorBody,
  type ErrorCode,
  type LineError,
} from '@helix/contract';
import { i18n } from './i18n/i18n';

/**
 * Any failure of an HTTP or socket request, in the contract's terms. Its message is meant for people, in
 * the UI language: the server words it in the language the client asked for (Accept-Language, or the
 * socket handshake), and failures the client notices itself are worded here.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
    /** An uploaded file's bad lines, when they are why it was refused. */
    readonly lines: LineError[] = [],
  ) {
    super(message);
  }

  get retryable(): boolean {
    return (
      this.status === 0 || this.code === 'RATE_LIMITED' || this.code === 'UNAVAILABLE' || this.status >= 500
    );
  }

  static fromBody(status: number, body: Partial<ErrorBody> | null): ApiError {
    const details = Array.isArray(body?.message) ? body.message : [];
    const message = Array.isArray(body?.message) ? body.message.join('; ') : body?.message;
    const code =
      body?.code && (ERROR_CODES as readonly string[]).includes(body.code)
        ? body.code
        : codeForStatus(status);
    return new ApiError(status, code, message || errorCodeText(code), details, body?.lines ?? []);
  }

  /** The server could not be reached, or did not answer: nothing it said to show. */
  static unavailable(reason: 'unreachable' | 'notConnected' | 'timeout'): ApiError {
    return new ApiError(0, 'UNAVAILABLE', i18n.t(`errors.${reason}`));
  }
}

/** A sentence for an error code, for when the server sent none (a proxy's page, an empty body). */
export function errorCodeText(code: ErrorCode): string {
  return i18n.t(`errors.codes.${code}`);
}

export function codeForStatus(status: number): ErrorCode {
  const entry = Object.entries(HTTP_STATUS_BY_CODE).find(([, value]) => value === status);
  return (entry?.[0] as ErrorCode | undefined) ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION');
}
