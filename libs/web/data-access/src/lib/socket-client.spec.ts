/**
 * @jest-environment jsdom
 */
import type { ManagerOptions, SocketOptions } from 'socket.io-client';

type Listener = (...args: never[]) => void;

/** Stands in for the Socket.IO client: keeps the options it was made with and lets the test fire events. */
class FakeIoSocket {
  connected = false;
  active = false;
  readonly connect = jest.fn();
  readonly listeners = new Map<string, Listener[]>();
  readonly io = { on: jest.fn() };

  constructor(readonly options: Partial<ManagerOptions & SocketOptions>) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}

const created: FakeIoSocket[] = [];
jest.mock('socket.io-client', () => ({
  io: (options: Partial<ManagerOptions & SocketOptions>) => {
    const socket = new FakeIoSocket(options);
    created.push(socket);
    return socket;
  },
}));

/** Fresh copies of the modules: the one socket and its timers belong to one test. */
function loadSocketClient(): typeof import('./socket-client') & typeof import('./token-storage') {
  let loaded: (typeof import('./socket-client') & typeof import('./token-storage')) | undefined;
  jest.isolateModules(() => {
    loaded = { ...jest.requireActual('./socket-client'), ...jest.requireActual('./token-storage') };
  });
  if (!loaded) throw new Error('socket-client did not load');
  return loaded;
}

function refusal(code: string): Error & { data: { code: string } } {
  return Object.assign(new Error(`${code}: refused`), { data: { code } });
}

describe('the socket connection', () => {
  beforeEach(() => {
    created.length = 0;
    localStorage.clear();
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it("moves Socket.IO's own reconnection waits by chance", () => {
    loadSocketClient().startSocket();
    expect(created[0].options.randomizationFactor).toBe(0.5);
    expect(created[0].options.reconnectionDelay).toBeGreaterThan(0);
  });

  it.each([
    [0, 1_500],
    [1, 3_000],
  ])('connects again by hand after a refusal, after a wait moved by chance (%s → %s ms)', (chance, wait) => {
    jest.spyOn(Math, 'random').mockReturnValue(chance);
    loadSocketClient().startSocket();
    const socket = created[0];
    socket.connect.mockClear();
    socket.fire('connect_error', refusal('UNAVAILABLE'));
    jest.advanceTimersByTime(wait - 1);
    expect(socket.connect).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(socket.connect).toHaveBeenCalledTimes(1);
  });

  it('waits longer after each refusal in a row', () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    loadSocketClient().startSocket();
    const socket = created[0];
    const waits: number[] = [];
    for (let refusals = 0; refusals < 3; refusals++) {
      socket.connect.mockClear();
      socket.fire('connect_error', refusal('UNAVAILABLE'));
      let waited = 0;
      while (!socket.connect.mock.calls.length) {
        jest.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([3_000, 6_000, 12_000]);
  });

  it('tries to renew the session again after a wait moved by chance while the server is unreachable', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const fetchMock = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const client = loadSocketClient();
    client.tokenStorage.set({ accessToken: 'stale', refreshToken: 'refresh' });
    client.startSocket();
    created[0].fire('connect_error', refusal('UNAUTHORIZED'));
    await jest.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2_499);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
