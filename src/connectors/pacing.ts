// Keeps outgoing calls inside a per-second budget. Calls queue through one chain and each starts
// at least `gap` after the previous one actually started, with a 10 % margin for network jitter,
// so a fixed one-second window on the server never sees more than the budget.
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPacer(requestsPerSecond: number) {
  const gap = (1000 / requestsPerSecond) * 1.1;
  let last = -Infinity;
  let chain: Promise<void> = Promise.resolve();
  return function wait(): Promise<void> {
    chain = chain.then(async () => {
      const delay = last + gap - Date.now();
      if (delay > 0) await sleep(delay);
      last = Date.now();
    });
    return chain;
  };
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Case-insensitive header lookup over Node's, Fastify's or fetch's header shapes. */
export function headerValue(headers: Headers | Record<string, string | string[] | undefined>, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  }
  return null;
}
