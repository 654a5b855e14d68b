import { AsyncLocalStorage } from 'node:async_hooks';
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

// A socket event has no request to read a header from: the socket's language (from its handshake) is
// carried through the event's handler instead, so error acks can be put in it.
const eventLanguage = new AsyncLocalStorage<RequestLanguage>();

/** Runs one socket event's handling in the language of the socket that sent it. */
export function runInLanguage<T>(language: RequestLanguage, run: () => T): T {
  return eventLanguage.run(language, run);
}

/** The language of the socket event being handled; English outside of one. */
export function currentLanguage(): RequestLanguage {
  return eventLanguage.getStore() ?? 'en';
}
