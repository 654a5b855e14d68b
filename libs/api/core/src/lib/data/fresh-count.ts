interface Count<T> {
  /** How many writes had finished for the key when this count started. */
  writes: number;
  result: Promise<T>;
}

interface KeyState<T> {
  writes: number;
  latest?: Count<T>;
  running?: Count<T>;
  queued?: Promise<T>;
}

/**
 * Serves counts derived from stored documents (ballots, votes) that always include every write made
 * before the request, without a count per request: at most one count runs per key, and all requests
 * arriving meanwhile share the single count queued after it. A burst of N writes costs about
 * (burst duration / count duration) counts instead of N.
 */
export class FreshCount<T> {
  private readonly keys = new Map<string, KeyState<T>>();

  /** Call after each write that changes what `count` would return for the key. */
  noteWrite(key: string): void {
    this.state(key).writes += 1;
  }

  get(key: string, count: () => Promise<T>): Promise<T> {
    const state = this.state(key);
    const needed = state.writes;
    if (state.latest && state.latest.writes >= needed) return state.latest.result;
    if (!state.running) return this.start(state, count).result;
    if (state.running.writes >= needed) return state.running.result;
    state.queued ??= state.running.result
      .catch(() => undefined)
      .then(() => {
        state.queued = undefined;
        return this.start(state, count).result;
      });
    return state.queued;
  }

  private start(state: KeyState<T>, count: () => Promise<T>): Count<T> {
    const current: Count<T> = { writes: state.writes, result: count() };
    state.running = current;
    current.result.then(
      () => {
        if (!state.latest || state.latest.writes <= current.writes) state.latest = current;
      },
      () => undefined,
    );
    void current.result
      .catch(() => undefined)
      .then(() => {
        if (state.running === current) state.running = undefined;
      });
    return current;
  }

  private state(key: string): KeyState<T> {
    let state = this.keys.get(key);
    if (!state) {
      state = { writes: 0 };
      this.keys.set(key, state);
    }
    return state;
  }
}
