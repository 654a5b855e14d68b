import { z } from 'zod';
import { russianErrorMessage } from './error-messages';
import type { RequestLanguage } from './request-language';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const english = z.locales.en().localeError;
const zodRussian = z.locales.ru().localeError;

const TYPES: Readonly<Record<string, string>> = {
  string: 'строка',
  number: 'число',
  int: 'целое число',
  boolean: 'да или нет',
  array: 'список',
  object: 'объект',
  date: 'дата',
  null: 'null',
  nan: 'не число',
};

const FORMATS: Readonly<Record<string, string>> = {
  email: 'Неверный адрес эл. почты',
  url: 'Неверный URL',
  datetime: 'Нужны дата и время в формате ISO 8601',
  date: 'Нужна дата в формате ISO 8601',
  regex: 'Неверный формат',
};

// Counted nouns: nominative for "ровно N" (1 символ, 2 символа, 5 символов), genitive after
// "не больше / не меньше N" (1 символа, 2 символов, 5 символов).
const UNITS: Readonly<Record<string, { one: string; few: string; many: string; genitiveOne: string }>> = {
  string: { one: 'символ', few: 'символа', many: 'символов', genitiveOne: 'символа' },
  array: { one: 'элемент', few: 'элемента', many: 'элементов', genitiveOne: 'элемента' },
  set: { one: 'элемент', few: 'элемента', many: 'элементов', genitiveOne: 'элемента' },
  file: { one: 'байт', few: 'байта', many: 'байт', genitiveOne: 'байта' },
};

const pluralRules = new Intl.PluralRules('ru');

function count(value: number | bigint, origin: string | undefined, genitive: boolean): string {
  const unit = origin ? UNITS[origin] : undefined;
  if (!unit) return String(value);
  const form = pluralRules.select(Number(value));
  const word = genitive
    ? form === 'one'
      ? unit.genitiveOne
      : unit.many
    : form === 'one'
      ? unit.one
      : form === 'few'
        ? unit.few
        : unit.many;
  return `${value} ${word}`;
}

/** Zod's own English for an issue, to tell its default text from a message a schema chose itself. */
function isDefaultMessage(issue: Issue): boolean {
  // The received type lives only in the text: the issue no longer carries the input.
  if (issue.code === 'invalid_type') return /^Invalid input: expected \S+, received \S+$/.test(issue.message);
  return english(issue as RawIssue) === issue.message;
}

function russianDefault(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\S+)$/.exec(issue.message)?.[1];
      if (received === 'undefined') return 'Обязательное поле';
      const expected = TYPES[issue.expected] ?? issue.expected;
      return `Неверный тип: нужно значение типа «${expected}», получено «${TYPES[received ?? ''] ?? received}»`;
    }
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Не может быть пустым';
      const bound = count(issue.minimum, issue.origin, true);
      if (issue.exact) return `Нужно ровно ${count(issue.minimum, issue.origin, false)}`;
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        return `Нужно не меньше ${bound}`;
      }
      return issue.inclusive ? `Должно быть не меньше ${bound}` : `Должно быть больше ${bound}`;
    }
    case 'too_big': {
      const bound = count(issue.maximum, issue.origin, true);
      if (issue.exact) return `Нужно ровно ${count(issue.maximum, issue.origin, false)}`;
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        return `Можно не больше ${bound}`;
      }
      return issue.inclusive ? `Должно быть не больше ${bound}` : `Должно быть меньше ${bound}`;
    }
    case 'invalid_format': {
      const format = FORMATS[issue.format];
      return format ?? String(zodRussian(issue as RawIssue) ?? 'Неверный формат');
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `Нужно значение ${JSON.stringify(issue.values[0])}`
        : `Допустимые значения: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `${issue.keys.length > 1 ? 'Лишние поля' : 'Лишнее поле'}: ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'custom':
      return 'Неверное значение';
    default: {
      const text = zodRussian(issue as RawIssue);
      return typeof text === 'string' ? text : (text?.message ?? 'Неверное значение');
    }
  }
}

/**
 * One validation issue in the caller's language. Issues are rendered again per request from their
 * data (zod keeps code, bounds and format), so zod's global configuration stays English for everyone.
 */
export function localizeIssue(issue: Issue, language: RequestLanguage): string {
  if (language !== 'ru') return issue.message;
  const custom = russianErrorMessage(issue.message);
  if (custom !== undefined) return custom;
  return isDefaultMessage(issue) ? russianDefault(issue) : issue.message;
}
