import type { LatencySummary } from "./measure.js";

/** One scenario measured on one gateway. */
export interface ScenarioResult {
  scenario: string;
  gateway: "gateway" | "naive";
  minimumCalls: number;
  coldCalls: number;
  warmCalls: number | null;
  cold: LatencySummary;
  warm: LatencySummary | null;
  criticalPathMs: number;
  /**
   * Median CPU per cold request of the gateway measured (all its threads) and of the simulators
   * beside it (with the client), on the same cores: the critical path counts upstream latency alone.
   */
  coldCpuMs: { gateway: number; upstreams: number };
  throughput: Record<string, number | null>;
  errors: number;
  /** Calls the upstreams refused for want of capacity while this ran. */
  refused: number;
}

interface Report {
  date: string;
  quick: boolean;
  world: object;
  latency: { fixedMs: number; jitterMs: number };
  capacity: { concurrent: number; status: number };
  results: ScenarioResult[];
  typename: Record<string, number>;
  rss: { gateway: number; naive: number };
  growth: Array<{
    factor: number;
    organizations?: number;
    repositories: number;
    calls: number;
    minimumCalls: number;
    coldMs: number;
    criticalPathMs: number;
    warmP50Ms: number;
    errors: number;
    peakRssMb: number;
  }>;
  durationSeconds: number;
}

/** A duration as the reports print it: a tenth below 10 ms, whole above; "–" for none. */
export const ms = (n: number | null | undefined) =>
  n == null || Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(1) : Math.round(n).toString();
export const ratio = (a: number, b: number) => (b === 0 ? "–" : (a / b).toFixed(2));
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** The benchmark's report: every figure beside its reference, measured in the same run. */
export function renderReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`# Benchmark ${report.date.slice(0, 10)}${report.quick ? " (quick)" : ""}`, "");
  lines.push(
    `World: \`${JSON.stringify(report.world)}\`; upstream latency ${report.latency.fixedMs} ms ± ${report.latency.jitterMs}; each upstream serves ${report.capacity.concurrent} calls at once at that latency, slower past that, ${report.capacity.status} past twice that; run took ${report.durationSeconds} s.`,
    "",
  );
  lines.push(
    "| scenario | gateway | calls cold (min, ratio) | calls warm | cold p50 / p95 / p99 ms | critical path ms (p50 ratio) | cold CPU ms gateway / simulators | warm p50 ms | req/s c1 / c16 / c64 | errors | refused |",
  );
  lines.push("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of report.results) {
    lines.push(
      `| ${r.scenario} | ${r.gateway} | ${r.coldCalls} (${r.minimumCalls}, ${ratio(r.coldCalls, r.minimumCalls)}) | ${r.warmCalls ?? "–"} | ${ms(r.cold.p50)} / ${ms(r.cold.p95)} / ${ms(r.cold.p99)} | ${ms(r.criticalPathMs)} (${ratio(r.cold.p50, r.criticalPathMs)}) | ${ms(r.coldCpuMs.gateway)} / ${ms(r.coldCpuMs.upstreams)} | ${ms(r.warm?.p50)} | ${["c1", "c16", "c64"].map((c) => ms(r.throughput[c])).join(" / ")} | ${r.errors} | ${r.refused} |`,
    );
  }
  lines.push(
    "",
    `\`{ __typename }\` req/s c1 / c16 / c64: ${["c1", "c16", "c64"].map((c) => ms(report.typename[c])).join(" / ")}. Peak RSS: gateway ${report.rss.gateway} MB, naive ${report.rss.naive} MB.`,
    "",
  );

  const find = (scenario: string, gateway: string) =>
    report.results.find((r) => r.scenario === scenario && r.gateway === gateway)!;
  const overview = find("overview", "gateway");
  const naive = find("overview", "naive");
  const gatewayRows = report.results.filter((r) => r.gateway === "gateway");
  lines.push("## Targets", "");
  lines.push(
    `- Upstream calls equal to the minimum for every query: ${verdict(gatewayRows.every((r) => r.coldCalls === r.minimumCalls))} (${gatewayRows.map((r) => `${r.scenario} ${ratio(r.coldCalls, r.minimumCalls)}`).join(", ")}); warm: ${verdict(gatewayRows.every((r) => r.warmCalls === null || r.warmCalls === 0))}.`,
  );
  lines.push(
    `- No upstream call refused for want of capacity: ${gatewayRows.map((r) => `${r.scenario} ${r.refused}`).join(", ")} → ${verdict(gatewayRows.every((r) => r.refused === 0))}.`,
  );
  lines.push(
    `- Cold p50 within 1.15× the critical path: ${gatewayRows.map((r) => `${r.scenario} ${ratio(r.cold.p50, r.criticalPathMs)}`).join(", ")} → ${verdict(gatewayRows.every((r) => r.cold.p50 <= 1.15 * r.criticalPathMs))}.`,
    `  The critical path counts upstream latency alone; CPU per cold request on these cores, gateway / simulators: ${gatewayRows
      .map((r) => `${r.scenario} ${ms(r.coldCpuMs.gateway)} / ${ms(r.coldCpuMs.upstreams)} ms`)
      .join(", ")}.`,
  );
  lines.push(
    `- Warm p50 under 5 ms: ${gatewayRows
      .filter((r) => r.warm)
      .map((r) => `${r.scenario} ${ms(r.warm!.p50)}`)
      .join(", ")} → ${verdict(gatewayRows.every((r) => !r.warm || r.warm.p50 < 5))}.`,
  );
  lines.push(
    `- Warm overview at c64 ≥ half of \`{ __typename }\` at c64: ${ms(overview.throughput.c64)} vs ${ms(report.typename.c64)} req/s (${ratio(overview.throughput.c64 ?? 0, report.typename.c64 ?? 1)}) → ${verdict((overview.throughput.c64 ?? 0) >= 0.5 * (report.typename.c64 ?? Infinity))}.`,
  );
  lines.push(
    `- ≥ 10× fewer upstream calls than the naive gateway on the overview: ${naive.coldCalls} / ${overview.coldCalls} = ${ratio(naive.coldCalls, overview.coldCalls)}× → ${verdict(naive.coldCalls >= 10 * overview.coldCalls)}.`,
  );
  lines.push(
    `- ≥ 5× lower cold latency than the naive gateway on the overview: ${ms(naive.cold.p50)} / ${ms(overview.cold.p50)} ms = ${ratio(naive.cold.p50, overview.cold.p50)}× → ${verdict(naive.cold.p50 >= 5 * overview.cold.p50)}.`,
  );
  lines.push(
    `- Peak RSS under 256 MB at c64 on the default world: ${report.rss.gateway} MB → ${verdict(report.rss.gateway < 256)}.`,
    "",
  );

  lines.push("## Growth (overview of every organization, cold then warm)", "");
  lines.push(
    "| world | organizations | repositories | calls (min) | cold ms (critical path) | warm p50 ms | peak RSS MB | errors |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const g of report.growth)
    lines.push(
      `| ${g.factor}× | ${g.organizations} | ${g.repositories} | ${g.calls} (${g.minimumCalls}) | ${ms(g.coldMs)} (${ms(g.criticalPathMs)}) | ${ms(g.warmP50Ms)} | ${g.peakRssMb} | ${g.errors} |`,
    );
  return lines.join("\n") + "\n";
}
