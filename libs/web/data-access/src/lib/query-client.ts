import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Query defaults for the whole app, kept in one place. */
export const queryDefaults: DefaultOptions = {
  queries: {
    staleTime: 30_000,
    refetchOnWindowFocus: false,
    // A 4xx other than 429 will fail again unchanged; transient failures get two more tries.
    retry: (failureCount, error) =>
      error instanceof ApiError && !error.retryable ? false : failureCount < 2,
  },
  mutations: { retry: false },
};

export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: queryDefaults });
}
