import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf, withoutSecrets } from './logger-options';

function answered(headers: IncomingMessage['headers']): { id: string; header: unknown } {
  let header: unknown;
  const response = {
    setHeader: (_name: string, value: unknown) => (header = value),
  } as unknown as ServerResponse;
  return { id: requestIdOf({ headers } as IncomingMessage, response), header };
}

describe('request ids', () => {
  it('keeps an id a proxy sent and answers it back', () => {
    expect(answered({ 'x-request-id': 'haproxy-7f3a:1' })).toEqual({
      id: 'haproxy-7f3a:1',
      header: 'haproxy-7f3a:1',
    });
  });

  it('makes a new one when none came or the one sent could forge log lines', () => {
    for (const incoming of [undefined, '', 'a"b', 'x'.repeat(200), 'line\nbreak']) {
      const { id, header } = answered({ 'x-request-id': incoming });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(header).toBe(id);
    }
  });
});

describe('logged URLs', () => {
  it('leave out the values of token parameters', () => {
    expect(withoutSecrets('/join?token=abc.def&x=1')).toBe('/join?token=***&x=1');
    expect(withoutSecrets('/a?x=1&refreshToken=r1')).toBe('/a?x=1&refreshToken=***');
    expect(withoutSecrets('/api/rooms?limit=5')).toBe('/api/rooms?limit=5');
  });
});
