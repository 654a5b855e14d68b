import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export type RequestLanguage = 'en' | 'ru';

/** The caller's language from Accept-Language: Russian when it comes first among ru/en, else English. */
export function languageOf(acceptLanguage: string | undefined): RequestLanguage {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === 'ru' || code === 'en');
  return preferred === 'ru' ? 'ru' : 'en';
}

export const Lang = createParamDecorator((_data: unknown, context: ExecutionContext): RequestLanguage =>
  languageOf(context.switchToHttp().getRequest<Request>().headers['accept-language']),
);
