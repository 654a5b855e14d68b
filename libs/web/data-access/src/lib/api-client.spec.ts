/**
 * @jest-environment jsdom
 */
import { apiRequest } from './api-client';
import { ApiError } from './api-error';
import { tokenStorage } from './token-storage';

function jsonResponse(status: number, body: unknown): Response {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

describe('apiRequest', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    tokenStorage.set({ accessToken: 'old-access', refreshToken: 'refresh-1' });
  });

  it('refreshes once for parallel 401s, then retries each request with the new token', async () => {
    fetchMock.mockImplementation(async (url, init) => {
      if (url === '/api/auth/refresh')
        return jsonResponse(200, { accessToken: 'new-access', refreshToken: 'refresh-2' });
      const auth = (init.headers as Record<string, string>)['Authorization'];
      return auth === 'Bearer new-access'
        ? jsonResponse(200, { url })
        : jsonResponse(401, { statusCode: 401, message: 'expired' });
    });
    const results = await Promise.all([
      apiRequest('/rooms'),
      apiRequest('/auth/me'),
      apiRequest('/rooms/x/threads'),
    ]);
    expect(results).toEqual([
      { url: '/api/rooms' },
      { url: '/api/auth/me' },
      { url: '/api/rooms/x/threads' },
    ]);
    expect(fetchMock.mock.calls.filter(([url]) => url === '/api/auth/refresh')).toHaveLength(1);
    expect(tokenStorage.get()).toEqual({ accessToken: 'new-access', refreshToken: 'refresh-2' });
  });

  it('signs out when the refresh token is refused, and throws a typed error', async () => {
    fetchMock.mockImplementation(async (url) =>
      url === '/api/auth/refresh'
        ? jsonResponse(401, {
            statusCode: 401,
            error: 'Unauthorized',
            message: 'reused',
            code: 'UNAUTHORIZED',
          })
        : jsonResponse(401, {
            statusCode: 401,
            error: 'Unauthorized',
            message: 'expired',
            code: 'UNAUTHORIZED',
          }),
    );
    const error = await apiRequest('/rooms').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: 'expired' });
    expect(tokenStorage.get()).toBeNull();
  });

  it('turns a validation body into an ApiError with every message', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['title: too short', 'x'],
        code: 'VALIDATION',
      }),
    );
    await expect(apiRequest('/rooms/x/threads', { method: 'POST', body: {} })).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION',
      details: ['title: too short', 'x'],
    });
  });
});
