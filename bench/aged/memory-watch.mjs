// Reads the API's and FerretDB's resident memory (VmRSS) every second. Past the limit it kills both at once
// and aborts the benchmark's requests, naming the operation that was running: an engine that grows without
// bound (FerretDB decoding a whole collection per request) must not take the machine with it.
import { childPids, rssMB } from '../helix-server.mjs';
import { elapsedS, log } from '../harness.mjs';

export class MemoryWatch {
  #timer = null;
  #target = null;
  #abort = new AbortController();
  /** What the benchmark is doing now; set before each operation, reported if the limit is passed. */
  operation = 'starting';
  /** Set once the limit was passed: { process, rssMB, limitMB, operation, atS }. */
  tripped = null;
  /** Highest RSS seen, overall and per operation, in MB. */
  peak = { apiMB: 0, ferretdbMB: 0 };
  byOperation = {};

  constructor({ limitMB, intervalMs = 1000 }) {
    this.limitMB = limitMB;
    this.intervalMs = intervalMs;
  }

  /** Aborted when the limit is passed: give it to every request. */
  get signal() {
    return this.#abort.signal;
  }

  /** Throws once the limit was passed, so a loop of samples stops at its next step. */
  check() {
    if (this.tripped) throw new Error(`stopped: ${describeTrip(this.tripped)}`);
  }

  /** Follows one API (`apiPid`, its FerretDB among its children) or a lone FerretDB (`ferretdbPid`). */
  follow({ apiPid = null, ferretdbPid = null, kill }) {
    this.unfollow();
    this.#target = { apiPid, ferretdbPid, kill };
    this.#timer = setInterval(() => this.#tick(), this.intervalMs);
    this.#timer.unref();
  }

  unfollow() {
    clearInterval(this.#timer);
    this.#timer = null;
    this.#target = null;
  }

  /** The current RSS of the followed processes, in MB. */
  sample() {
    const target = this.#target;
    if (!target) return { apiMB: NaN, ferretdbMB: NaN };
    const ferretdb = target.ferretdbPid ? [target.ferretdbPid] : childPids(target.apiPid);
    return {
      apiMB: target.apiPid ? +rssMB(target.apiPid).toFixed(1) : NaN,
      ferretdbMB: +ferretdb.reduce((sum, pid) => sum + (rssMB(pid) || 0), 0).toFixed(1),
    };
  }

  #tick() {
    const now = this.sample();
    const mine = (this.byOperation[this.operation] ??= { apiMB: 0, ferretdbMB: 0 });
    for (const key of ['apiMB', 'ferretdbMB']) {
      if (!(now[key] > 0)) continue;
      this.peak[key] = Math.max(this.peak[key], now[key]);
      mine[key] = Math.max(mine[key], now[key]);
    }
    const over = now.ferretdbMB > this.limitMB ? 'FerretDB' : now.apiMB > this.limitMB ? 'API' : null;
    if (!over || this.tripped) return;
    this.tripped = {
      process: over,
      rssMB: over === 'FerretDB' ? now.ferretdbMB : now.apiMB,
      limitMB: this.limitMB,
      operation: this.operation,
      atS: +elapsedS().toFixed(1),
    };
    log(`MEMORY LIMIT: ${describeTrip(this.tripped)}; killing the API and FerretDB`);
    const { kill } = this.#target;
    this.unfollow();
    Promise.resolve(kill()).catch(() => undefined);
    this.#abort.abort(new Error(`stopped: ${describeTrip(this.tripped)}`));
  }
}

export const describeTrip = (trip) =>
  `${trip.process} RSS ${Math.round(trip.rssMB)} MB passed the ${trip.limitMB} MB limit during "${trip.operation}"`;
