import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { reportError } from './errors';
import { isApiError } from './http';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent: true` when the caller shows the error itself (forms put VALIDATION_FAILED on fields). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 15_000,
      // Client errors (4xx) will not get better by retrying.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (!query.meta?.silent) reportError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (!mutation.meta?.silent) reportError(error);
    },
  }),
});
