import { useEffect, useState } from 'react';
import { msUntil, tickInterval } from '../lib/time-left';

/**
 * Milliseconds left until `closesAt`, re-read often enough for a live countdown (every second in the
 * last hour); null once it has passed, or when there is no closing time or `active` is false.
 */
export function useCountdown(closesAt: string | null, active: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active || !closesAt) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (from: number) => {
      const delay = tickInterval(msUntil(closesAt, from));
      if (delay === null) return;
      // Wake just after the next boundary, so the shown value changes on time.
      timer = setTimeout(() => {
        const current = Date.now();
        setNow(current);
        schedule(current);
      }, delay);
    };
    schedule(Date.now());
    return () => clearTimeout(timer);
  }, [closesAt, active]);
  return active ? msUntil(closesAt, now) : null;
}
