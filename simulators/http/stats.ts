/** What a simulator saw: a count per operation and a bounded log with timings, for tests and benchmarks. */
export interface RequestRecord {
  operation: string;
  method: string;
  path: string;
  /** The query string, `?` included; empty when there is none. */
  query: string;
  /** Who asked (user name, e-mail or a token's subject); never the secret itself. */
  principal: string | null;
  /** The caller's `x-request-id`, when it sent one. */
  requestId: string | null;
  /** The caller's W3C `traceparent`, when it sent one. */
  traceparent: string | null;
  status: number;
  startedAt: number;
  endedAt: number;
}

const logLimit = 200_000;

export class RequestStats {
  private counts = new Map<string, number>();
  private log: RequestRecord[] = [];

  begin(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  finish(record: RequestRecord): void {
    if (this.log.length >= logLimit) this.log.shift();
    this.log.push(record);
  }

  snapshot(): { total: number; counts: Record<string, number>; requests: RequestRecord[] } {
    const counts = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    return { total, counts, requests: [...this.log] };
  }

  reset(): void {
    this.counts.clear();
    this.log = [];
  }
}
