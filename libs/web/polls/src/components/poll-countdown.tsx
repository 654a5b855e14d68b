import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const secondsUntil = (closesAt: string): number =>
  Math.max(0, Math.ceil((Date.parse(closesAt) - Date.now()) / 1000));

const clock = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Time left until the server closes the poll. The clock ticks every second for the eye; screen readers hear
 * it only at each whole minute (and at the last one), not sixty times a minute. A poll's `closesAt` is set
 * once, when it opens.
 */
export function PollCountdown({ closesAt }: { closesAt: string }) {
  const { t } = useTranslation();
  const [seconds, setSeconds] = useState(() => secondsUntil(closesAt));
  useEffect(() => {
    const timer = window.setInterval(() => setSeconds(secondsUntil(closesAt)), 1000);
    return () => window.clearInterval(timer);
  }, [closesAt]);
  const minutes = Math.ceil(seconds / 60);
  return (
    <p className="hx-poll__countdown" data-testid="poll-countdown">
      <span aria-hidden="true">
        {seconds > 0 ? t('polls.countdown.clock', { time: clock(seconds) }) : t('polls.countdown.closing')}
      </span>
      <span className="hx-visually-hidden" aria-live="polite">
        {seconds > 0 ? t('polls.countdown.minutesLeft', { count: minutes }) : t('polls.countdown.closing')}
      </span>
    </p>
  );
}
