import type { PeerResult, PeerRow, SideName } from "./peer-comparison.js";
import { ms, ratio } from "./report.js";

const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

function describe(result: PeerResult): string {
  const { latency, capacity } = result.upstreams;
  const limit = capacity
    ? `each serves ${capacity.concurrent} calls at once, slower past that, ${capacity.status} past ${capacity.refuseAbove}`
    : "no capacity limit";
  return `World \`${JSON.stringify(result.world)}\`; upstream latency ${latency.fixedMs} ms ± ${latency.jitterMs}; ${limit}.`;
}

function table(result: PeerResult): string[] {
  const lines = [
    "| question | side | calls (min) | cold p50 / p95 ms | req/s c1 / c16 / c64 | errors | refused | same data |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const r of result.rows) {
    const rps = r.throughput
      ? ["c1", "c16", "c64"].map((c) => ms(r.throughput![c])).join(" / ")
      : r.question === "overview" && r.errors > 0
        ? "– (answers had errors)"
        : "–";
    const same = r.side === "peer" ? "" : (result.difference[r.question] ?? "yes");
    lines.push(
      `| ${r.question} | ${r.side} | ${r.calls} (${r.minimumCalls}) | ${ms(r.cold.p50)} / ${ms(r.cold.p95)} | ${rps} | ${r.errors} | ${r.refused} | ${same} |`,
    );
  }
  lines.push("", `Peak RSS: gateway ${result.rss.gateway} MB, peer ${result.rss.peer} MB.`, "");
  return lines;
}

const row = (result: PeerResult, question: string, side: SideName): PeerRow =>
  result.rows.find((r) => r.question === question && r.side === side)!;

function targets(results: PeerResult[]): string[] {
  const gatewayRows = results.flatMap((r) => r.rows.filter((row) => row.side === "gateway"));
  // Against a peer that answered with errors (refused calls fail fast) a ratio says little: shown, not judged.
  const overviews = results.map((r) => {
    const [gateway, peer] = [row(r, "overview", "gateway"), row(r, "overview", "peer")];
    return { label: r.label, ratio: gateway.cold.p50 / peer.cold.p50, judged: peer.errors === 0 };
  });
  const judged = overviews.filter((o) => o.judged);
  const refused = results.map((r) =>
    Math.max(...r.rows.filter((x) => x.side === "peer").map((x) => x.refused)),
  );
  const differences = results.flatMap((r) => Object.values(r.difference));
  const [first] = results;
  return [
    `- Overview cold p50 ≤ 0.8× the peer's: ${overviews.map((o) => `${o.label} ${o.ratio.toFixed(2)}${o.judged ? "" : " (the peer answered with errors: not judged)"}`).join("; ")} → ${verdict(judged.length > 0 && judged.every((o) => o.ratio <= 0.8))}.`,
    `- The gateway's answers carry the peer's data in every run both answered without errors: ${verdict(differences.every((d) => d === null || d.startsWith("not compared")))} (${differences.filter((d) => d === null).length} of ${differences.length} questions compared).`,
    `- No upstream error or refusal for the gateway: ${verdict(gatewayRows.every((r) => r.errors === 0 && r.refused === 0))} (the peer, which sends every call at once, had at most ${refused.join(" / ")} calls of one request refused, setting by setting).`,
    `- Upstream calls at the minimum: ${verdict(gatewayRows.every((r) => r.calls === r.minimumCalls))}.`,
    first
      ? `- Peak RSS ≤ 0.5× the peer's on the peer's world: ${first.rss.gateway} / ${first.rss.peer} MB = ${ratio(first.rss.gateway, first.rss.peer)} → ${verdict(first.rss.gateway <= 0.5 * first.rss.peer)}.`
      : "",
  ];
}

/** The side-by-side section: each setting's table, then the targets across all of them. */
export function renderPeerReport(results: PeerResult[]): string {
  const lines = ["## Beside the peer (GraphQL Mesh composed over the contracts, served by Hive Gateway)", ""];
  lines.push("Calls, errors and refused: the most of any one cold request.", "");
  for (const result of results) lines.push(`### ${result.label}`, "", describe(result), "", ...table(result));
  lines.push("### Targets beside the peer", "", ...targets(results), "");
  return lines.join("\n");
}
