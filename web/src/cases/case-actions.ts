import { post } from '../api/client.ts';
import { useAction } from '../lib/mutation.ts';

/** POSTs to a case, dispute or resolution endpoint and refreshes the case and the queues. */
export function useCaseAction(caseId: string, onDone?: () => void) {
  return useAction((input: { path: string; body?: unknown }) => post<unknown>(input.path, input.body ?? {}), [['case', caseId], ['case-rows'], ['queues'], ['order']], onDone);
}
