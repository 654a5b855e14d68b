import { ERROR_CODES, HTTP_STATUS_BY_CODE, type ErrorBody, type ErrorCode } from '@helix/contract';

/** Any failure of an HTTP or socket request, in the contract's terms. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
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
    const message = Array.isArray(body?.message)
      ? body.message.join('; ')
      : (body?.message ?? body?.error ?? `HTTP ${status}`);
    const code =
      body?.code && (ERROR_CODES as readonly string[]).includes(body.code)
        ? body.code
        : codeForStatus(status);
    return new ApiError(status, code, message, details);
  }
}

export function codeForStatus(status: number): ErrorCode {
  const entry = Object.entries(HTTP_STATUS_BY_CODE).find(([, value]) => value === status);
  return (entry?.[0] as ErrorCode | undefined) ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION');
}
