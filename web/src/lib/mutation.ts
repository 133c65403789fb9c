import { useMutation, useQueryClient } from '@tanstack/react-query';

/**
 * A mutation that refreshes what it changed: every query whose key starts with one of `keys`.
 * Errors stay on the mutation (`error`) for the form to show.
 */
export function useAction<TInput, TResult>(fn: (input: TInput) => Promise<TResult>, keys: readonly (readonly unknown[])[], onDone?: (result: TResult) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await Promise.all(keys.map((key) => client.invalidateQueries({ queryKey: key })));
      onDone?.(result);
    },
  });
}
