// Faults on demand. Each armed fault fires for the next `count` requests whose "METHOD /path"
// (path below /wp-json/wc/v3) contains `match`, then disarms. "Before" faults answer without
// running anything; a lost response runs the request (the refund IS made) and then drops the socket.

export type FaultKind = '5xx' | '429' | 'timeout' | 'lose-response';

interface Fault { kind: FaultKind; remaining: number; match?: string; status?: number; retryAfterSeconds?: number; hangMs?: number }
export interface FaultOptions { match?: string }

export class Faults {
  private armed: Fault[] = [];
  readonly fired: Record<FaultKind, number> = { '5xx': 0, '429': 0, timeout: 0, 'lose-response': 0 };

  /** The next n matching requests get a host error page (default 502 Bad Gateway, HTML, as nginx sends it). */
  next5xx(count = 1, options: FaultOptions & { status?: number } = {}): void {
    this.armed.push({ kind: '5xx', remaining: count, match: options.match, status: options.status ?? 502 });
  }

  /** A 429 storm: the next n matching requests are refused with Retry-After (whole seconds). */
  next429(count = 1, options: FaultOptions & { retryAfterSeconds?: number } = {}): void {
    this.armed.push({ kind: '429', remaining: count, match: options.match, retryAfterSeconds: options.retryAfterSeconds ?? 1 });
  }

  /** The next n matching requests hang; the socket is dropped after hangMs. */
  nextTimeouts(count = 1, options: FaultOptions & { hangMs?: number } = {}): void {
    this.armed.push({ kind: 'timeout', remaining: count, match: options.match, hangMs: options.hangMs ?? 30_000 });
  }

  /** The next n matching requests run, then the connection is destroyed before the answer. */
  loseResponse(count = 1, options: FaultOptions = {}): void {
    this.armed.push({ kind: 'lose-response', remaining: count, match: options.match });
  }

  clear(): void {
    this.armed = [];
  }

  private take(target: string, kinds: FaultKind[]): Fault | null {
    const fault = this.armed.find((f) => kinds.includes(f.kind) && f.remaining > 0 && (!f.match || target.includes(f.match)));
    if (!fault) return null;
    fault.remaining--;
    this.fired[fault.kind]++;
    this.armed = this.armed.filter((f) => f.remaining > 0);
    return fault;
  }

  before(target: string): Fault | null {
    return this.take(target, ['5xx', '429', 'timeout']);
  }

  afterExecution(target: string): boolean {
    return this.take(target, ['lose-response']) !== null;
  }
}
