// Faults on demand. Each armed fault fires for the next `count` GraphQL requests whose query text
// contains `match` (all requests when omitted), then disarms. "Before" faults stop the request
// before it runs; a lost response runs the query (the refund IS made) and then cuts the connection.

export type FaultKind = '5xx' | '429' | 'timeout' | 'lose-response';

export interface Fault {
  kind: FaultKind;
  remaining: number;
  match?: string;
  status?: number;
  retryAfterSeconds?: number;
  hangMs?: number;
}

export interface FaultOptions { match?: string }

export class Faults {
  private armed: Fault[] = [];
  readonly fired: Record<FaultKind, number> = { '5xx': 0, '429': 0, timeout: 0, 'lose-response': 0 };

  /** Answers the next n matching requests with a 5xx (default 502 Bad Gateway) without running them. */
  next5xx(count = 1, options: FaultOptions & { status?: number } = {}): void {
    this.armed.push({ kind: '5xx', remaining: count, match: options.match, status: options.status ?? 502 });
  }

  /** A 429 storm: the next n matching requests get 429 with `Retry-After` (seconds, may be fractional). */
  next429(count = 1, options: FaultOptions & { retryAfterSeconds?: number } = {}): void {
    this.armed.push({ kind: '429', remaining: count, match: options.match, retryAfterSeconds: options.retryAfterSeconds ?? 1 });
  }

  /** The next n matching requests never get an answer; the socket is dropped after hangMs. */
  nextTimeouts(count = 1, options: FaultOptions & { hangMs?: number } = {}): void {
    this.armed.push({ kind: 'timeout', remaining: count, match: options.match, hangMs: options.hangMs ?? 30_000 });
  }

  /** The next n matching requests are executed, then the connection is destroyed before the reply. */
  loseResponse(count = 1, options: FaultOptions = {}): void {
    this.armed.push({ kind: 'lose-response', remaining: count, match: options.match });
  }

  clear(): void {
    this.armed = [];
  }

  private take(query: string, kinds: FaultKind[]): Fault | null {
    const fault = this.armed.find((f) => kinds.includes(f.kind) && f.remaining > 0 && (!f.match || query.includes(f.match)));
    if (!fault) return null;
    fault.remaining--;
    this.fired[fault.kind]++;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }

  before(query: string): Fault | null {
    return this.take(query, ['5xx', '429', 'timeout']);
  }

  afterExecution(query: string): boolean {
    return this.take(query, ['lose-response']) !== null;
  }
}
