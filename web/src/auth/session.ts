import { useQuery } from '@tanstack/react-query';
import { ApiError, get } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const meKey = ['me'] as const;

/** The signed-in staff member; `null` when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await get<Me>('/api/v1/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
