import { EventEmitter } from 'node:events';
import { UnansweredEvents } from './unanswered-events';

describe('UnansweredEvents', () => {
  const settled = async (promise: Promise<void>): Promise<boolean> => {
    let done = false;
    void promise.then(() => (done = true));
    await new Promise((tick) => setImmediate(tick));
    return done;
  };

  it('is answered at once when nothing is pending', async () => {
    expect(await settled(new UnansweredEvents().allAnswered())).toBe(true);
  });

  it('waits until every tracked event is answered, passing the answer on', async () => {
    const events = new UnansweredEvents();
    const socket = new EventEmitter();
    const answers: unknown[] = [];
    const first = events.track(socket, (answer) => answers.push(answer));
    const second = events.track(socket, (answer) => answers.push(answer));
    const answered = events.allAnswered();
    first({ ok: true });
    expect(await settled(answered)).toBe(false);
    second({ ok: false });
    second({ ok: false });
    expect(await settled(answered)).toBe(true);
    expect(answers).toEqual([{ ok: true }, { ok: false }, { ok: false }]);
  });

  it('stops waiting for the events of a socket that is gone', async () => {
    const events = new UnansweredEvents();
    const gone = new EventEmitter();
    const staying = new EventEmitter();
    events.track(gone, () => undefined);
    const answer = events.track(staying, () => undefined);
    const answered = events.allAnswered();
    gone.emit('disconnect');
    expect(await settled(answered)).toBe(false);
    answer();
    expect(await settled(answered)).toBe(true);
  });
});
