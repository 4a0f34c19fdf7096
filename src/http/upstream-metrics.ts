import type { UpstreamName } from "./types.js";

/** Upstream calls by upstream and outcome, for `/metrics` (Prometheus text format). */
export class UpstreamMetrics {
  private readonly calls = new Map<string, { count: number; seconds: number }>();

  record(upstream: UpstreamName, outcome: string, seconds: number): void {
    const key = `${upstream}\u0000${outcome}`;
    const entry = this.calls.get(key) ?? { count: 0, seconds: 0 };
    entry.count += 1;
    entry.seconds += seconds;
    this.calls.set(key, entry);
  }

  render(): string {
    const lines = [
      "# HELP gateway_upstream_requests_total Upstream HTTP calls by upstream and outcome.",
      "# TYPE gateway_upstream_requests_total counter",
    ];
    const durations = [
      "# HELP gateway_upstream_request_seconds_total Time spent in upstream HTTP calls.",
      "# TYPE gateway_upstream_request_seconds_total counter",
    ];
    for (const [key, { count, seconds }] of this.calls) {
      const [upstream, outcome] = key.split("\u0000");
      const labels = `{upstream="${upstream}",outcome="${outcome}"}`;
      lines.push(`gateway_upstream_requests_total${labels} ${count}`);
      durations.push(`gateway_upstream_request_seconds_total${labels} ${seconds.toFixed(6)}`);
    }
    return [...lines, ...durations].join("\n") + "\n";
  }
}
