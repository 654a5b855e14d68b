import { ConfigService } from '@nestjs/config';
import { HelixConfig, parseEnv, RetryLaterException } from '@helix/api/core';
import { LoginAttempts } from './login-attempts';

const attemptsWith = (env: Record<string, string>): LoginAttempts =>
  new LoginAttempts(new HelixConfig(new ConfigService({ helix: parseEnv(env) })));

const refusal = (attempt: () => unknown): RetryLaterException => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof RetryLaterException) return error;
    throw error;
  }
  throw new Error('the attempt was not refused');
};

describe('LoginAttempts', () => {
  let attempts: LoginAttempts;

  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => {
    attempts.onModuleDestroy();
    jest.useRealTimers();
  });

  it('doubles the wait after each failure past the free ones, per email and address', () => {
    attempts = attemptsWith({ RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY: '2' });
    attempts.begin('ann@helix.test', 'hall');
    attempts.begin('ann@helix.test', 'hall');
    expect(refusal(() => attempts.begin('ann@helix.test', 'hall')).retryAfterSeconds).toBe(1);
    attempts.begin('ann@helix.test', 'home');
    attempts.begin('bob@helix.test', 'hall');
    jest.setSystemTime(1_000);
    attempts.begin('ann@helix.test', 'hall');
    expect(refusal(() => attempts.begin('ann@helix.test', 'hall')).retryAfterSeconds).toBe(2);
    jest.setSystemTime(3_000);
    attempts.begin('ann@helix.test', 'hall').succeeded();
    attempts.begin('ann@helix.test', 'hall');
    attempts.begin('ann@helix.test', 'hall');
  });

  it('does not count an attempt that ended without a verdict', () => {
    attempts = attemptsWith({
      RATE_LIMIT_LOGIN_FAILURES_BEFORE_DELAY: '1',
      RATE_LIMIT_LOGIN_FAILURES_PER_HOUR: '1',
    });
    attempts.begin('ann@helix.test', 'hall').undecided();
    attempts.begin('ann@helix.test', 'hall');
    expect(refusal(() => attempts.begin('ann@helix.test', 'home')).message).toBe(
      'Too many failed sign-ins for this account; try again later',
    );
  });

  it('refuses an email past its hourly ceiling from any address until the hour is over', () => {
    attempts = attemptsWith({ RATE_LIMIT_LOGIN_FAILURES_PER_HOUR: '3' });
    for (const address of ['a', 'b', 'c']) attempts.begin('ann@helix.test', address);
    jest.setSystemTime(600_000);
    expect(refusal(() => attempts.begin('ann@helix.test', 'd')).retryAfterSeconds).toBe(3_000);
    attempts.begin('bob@helix.test', 'd');
    jest.setSystemTime(3_600_000);
    attempts.begin('ann@helix.test', 'd');
  });
});
