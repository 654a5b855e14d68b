import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import * as ts from 'typescript';
import { z } from 'zod';
import { toErrorBody } from './error-body';
import { RUSSIAN_ERROR_MESSAGES, russianErrorMessage } from './error-messages';

const workspaceRoot = join(__dirname, '../../../../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A message as thrown: template parts become `{0}`, `{1}`… so a catalog template can match them. */
function messageText(node: ts.Expression, constants: Map<string, string>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return (
      node.head.text + node.templateSpans.map((span, index) => `{${index}}${span.literal.text}`).join('')
    );
  }
  if (ts.isIdentifier(node)) return constants.get(node.text);
  return undefined;
}

/** Zod checks whose string argument is the message a client sees when the check fails. */
const ZOD_CHECKS = new Set([
  ...['refine', 'regex', 'min', 'max', 'length', 'gt', 'gte', 'lt', 'lte', 'multipleOf'],
  ...['email', 'url', 'int', 'positive', 'nonnegative', 'nonempty', 'datetime'],
  ...['startsWith', 'endsWith', 'includes'],
]);
const VALUE_FIRST = new Set(['startsWith', 'endsWith', 'includes']);

interface Thrown {
  where: string;
  message: string;
}

/**
 * Every message given to `new XxxException(…)` in the API libs, to a local helper that builds one
 * (`const tooFast = (message) => new HttpException(message, …)`), and to a contract schema's checks
 * (`.regex(pattern, message)`, `.refine(test, { message })`).
 */
function thrownMessages(): Thrown[] {
  const files = [
    ...sourceFiles(join(workspaceRoot, 'libs/api')),
    ...sourceFiles(join(workspaceRoot, 'apps/api/src')),
    ...sourceFiles(join(workspaceRoot, 'libs/contract/src')),
  ];
  const found: Thrown[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = new Map<string, string>();
    const helpers = new Set<string>();
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) constants.set(node.name.text, node.initializer.text);
        const init = node.initializer;
        if (
          ts.isArrowFunction(init) &&
          ts.isNewExpression(init.body) &&
          /Exception$/.test(init.body.expression.getText(source))
        ) {
          helpers.add(node.name.text);
        }
      }
      ts.forEachChild(node, collect);
    };
    collect(source);
    const add = (node: ts.Node, argument: ts.Expression | undefined): void => {
      if (!argument) return;
      const where = `${relative(workspaceRoot, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const message = messageText(argument, constants);
      // A message passed on from elsewhere (a parameter, a caught error) is checked where it is written.
      if (message !== undefined) found.push({ where, message });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && /Exception$/.test(node.expression.getText(source))) {
        add(node, node.arguments?.[0]);
      }
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (ts.isIdentifier(callee) && helpers.has(callee.text)) add(node, node.arguments[0]);
        const check = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (file.includes('/libs/contract/') && ZOD_CHECKS.has(check)) {
          // startsWith('x', message) and the like take their value first.
          const messages = VALUE_FIRST.has(check) ? node.arguments.slice(1) : node.arguments;
          for (const argument of messages) {
            if (ts.isObjectLiteralExpression(argument)) {
              for (const property of argument.properties) {
                const name = property.name?.getText(source);
                if (ts.isPropertyAssignment(property) && (name === 'message' || name === 'error')) {
                  add(node, property.initializer);
                }
              }
            } else if (ts.isStringLiteralLike(argument)) add(node, argument);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the Russian error messages', () => {
  it('cover every message the API throws, word for word or through a template', () => {
    const thrown = thrownMessages();
    // The scan itself must find the throws, or this test would pass on nothing.
    expect(thrown.length).toBeGreaterThan(40);
    expect(thrown).toContainEqual(expect.objectContaining({ message: 'No such room' }));
    expect(thrown).toContainEqual(
      expect.objectContaining({ message: 'Voting is not open: the initiative is {0}' }),
    );
    expect(thrown).toContainEqual(
      expect.objectContaining({ message: 'Too fast; wait a moment and try again' }),
    );
    expect(thrown).toContainEqual(
      expect.objectContaining({ message: 'must be a 24-character hexadecimal id' }),
    );
    expect(thrown).toContainEqual(
      expect.objectContaining({ message: 'a reason is required to disagree or block' }),
    );
    const missing = thrown.filter(({ message }) => russianErrorMessage(message) === undefined);
    expect(missing).toEqual([]);
  });

  it('are Russian, and keep every placeholder of the English', () => {
    for (const [english, russian] of Object.entries(RUSSIAN_ERROR_MESSAGES)) {
      expect(russian).toMatch(/[а-яё]/i);
      const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect([english, names(russian)]).toEqual([english, names(english)]);
    }
  });

  it('fill templates, translating statuses and roles but keeping ids and numbers', () => {
    expect(russianErrorMessage('Voting is not open: the initiative is draft')).toBe(
      'Голосование не открыто: инициатива в статусе «черновик»',
    );
    expect(russianErrorMessage('The poll is closed; it cannot become open')).toBe(
      'Опрос в статусе «завершён» нельзя перевести в «открыт»',
    );
    expect(russianErrorMessage('Only moderator or admin may do this')).toBe(
      'Это может сделать только модератор или администратор',
    );
    expect(russianErrorMessage('Unknown option: 65f1c0ffee, draft')).toBe(
      'Неизвестный вариант: 65f1c0ffee, draft',
    );
    expect(russianErrorMessage('Cannot GET /api/nowhere')).toBe('Адрес не найден: GET /api/nowhere');
    expect(russianErrorMessage('Something new')).toBeUndefined();
  });
});

describe('toErrorBody in a language', () => {
  it('puts a thrown message in Russian and keeps code, status and the English status text', () => {
    expect(toErrorBody(new NotFoundException('No such room'), 'ru')).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Такой комнаты нет',
      code: 'NOT_FOUND',
    });
    expect(toErrorBody(new ConflictException('Voting has closed'), 'en')).toMatchObject({
      message: 'Voting has closed',
      code: 'CONFLICT',
    });
  });

  it('keeps a message it has no Russian for', () => {
    expect(toErrorBody(new BadRequestException('Brand new problem'), 'ru').message).toBe('Brand new problem');
  });

  it('renders zod issues again in Russian, per call, leaving English callers alone', () => {
    const schema = z.strictObject({
      email: z.email(),
      displayName: z.string().min(1).max(5),
      password: z.string().min(8),
      position: z.enum(['agree', 'block']),
      count: z.number().int().min(2),
      tags: z.array(z.string()).max(1),
      when: z.iso.datetime(),
    });
    const result = schema.safeParse({
      email: 'nope',
      displayName: 'far too long',
      password: 'short',
      position: 'maybe',
      count: 1,
      tags: ['a', 'b'],
      extra: true,
    });
    if (result.success) throw new Error('the sample must be invalid');
    const error = new ZodValidationException(result.error);

    expect(toErrorBody(error, 'ru')).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION',
      message: [
        'email: Неверный адрес эл. почты',
        'displayName: Можно не больше 5 символов',
        'password: Нужно не меньше 8 символов',
        'position: Допустимые значения: "agree", "block"',
        'count: Должно быть не меньше 2',
        'tags: Можно не больше 1 элемента',
        'when: Обязательное поле',
        'Лишнее поле: "extra"',
      ],
    });
    expect(toErrorBody(error, 'en').message).toEqual([
      'email: Invalid email address',
      'displayName: Too big: expected string to have <=5 characters',
      'password: Too small: expected string to have >=8 characters',
      'position: Invalid option: expected one of "agree"|"block"',
      'count: Too small: expected number to be >=2',
      'tags: Too big: expected array to have <=1 items',
      'when: Invalid input: expected string, received undefined',
      'Unrecognized key: "extra"',
    ]);
  });

  it('translates a schema’s own message from the catalog and leaves unknown ones', () => {
    const schema = z
      .object({ a: z.string().optional(), b: z.number().optional() })
      .refine((body) => Object.keys(body).length > 0, 'give at least one field to change')
      .refine((body) => body.b !== 3, 'b must not be three');
    const error = schema.safeParse({}).error;
    const other = schema.safeParse({ b: 3 }).error;
    expect(toErrorBody(error, 'ru').message).toEqual(['укажите хотя бы одно поле для изменения']);
    expect(toErrorBody(other, 'ru').message).toEqual(['b must not be three']);
    expect(toErrorBody(z.string().safeParse(5).error, 'ru').message).toEqual([
      'Неверный тип: нужно значение типа «строка», получено «число»',
    ]);
  });
});
