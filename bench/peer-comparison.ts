import { isDeepStrictEqual } from "node:util";
import type { Simulators } from "../simulators/start-simulators.js";
import type { WorldParams } from "../simulators/world/params.js";
import { peakRssMb, primingPasses, summarize, throughput, timed, type LatencySummary } from "./measure.js";
import {
  backupQuestion,
  overviewQuestion,
  repositoryPageQuestion,
  type PeerQuestion,
} from "./peer-questions.js";
import { startPeer } from "./peer-process.js";
import {
  gatewayEnv,
  invalidate,
  refusals,
  resetCalls,
  startImageGateway,
  startUpstreams,
  upstreamCalls,
  type UpstreamSetting,
} from "./upstreams.js";

/**
 * The gateway and the peer side by side on one world: the same questions, cold runs interleaved
 * (each side first in turn), each answer checked to carry the same data, upstream calls and refusals
 * counted per request, warm throughput of the overview, and each process's peak memory.
 */
export interface PeerSetting {
  label: string;
  world: Partial<WorldParams>;
  upstreams: UpstreamSetting;
}

export type SideName = "gateway" | "peer";

/** Calls, errors and refusals: the most of any one cold request. */
export interface PeerRow {
  question: string;
  side: SideName;
  minimumCalls: number;
  calls: number;
  cold: LatencySummary;
  throughput: Record<string, number> | null;
  errors: number;
  refused: number;
}

export interface PeerResult {
  label: string;
  world: Partial<WorldParams>;
  upstreams: UpstreamSetting;
  rows: PeerRow[];
  /** Per question: null when both answers carry the same data, else where they first differ or why they were not compared. */
  difference: Record<string, string | null>;
  rss: Record<SideName, number>;
}

export interface PeerRunOptions {
  coldSamples: number;
  loadSeconds: number;
  concurrencies: number[];
  log: (message: string) => void;
}

interface Side {
  name: SideName;
  url: string;
  headers: Record<string, string>;
  ask(question: PeerQuestion, operation: string): { query: string; variables?: Record<string, unknown> };
  canonical(question: PeerQuestion, data: unknown): unknown;
}

export async function comparePeer(setting: PeerSetting, options: PeerRunOptions): Promise<PeerResult> {
  options.log(`beside the peer: ${setting.label}`);
  const sim = await startUpstreams(setting.world, setting.upstreams);
  const running: Array<{ stop(): Promise<void> }> = [];
  try {
    const gateway = await startImageGateway(gatewayEnv(sim));
    running.push(gateway);
    const peer = await startPeer(sim);
    running.push(peer);
    const measured = await measureBoth(sim, await sidesOf(sim, gateway.url, peer.url), options);
    return { ...setting, ...measured, rss: { gateway: peakRssMb(gateway.pid), peer: peakRssMb(peer.pid) } };
  } finally {
    await Promise.all(running.map((p) => p.stop()));
    await sim.close();
  }
}

/** Each asks in its own schema with the same users' credentials; each cold run is a new document to both. */
async function sidesOf(sim: Simulators, gatewayUrl: string, peerUrl: string): Promise<Side[]> {
  const credentials = await callerCredentials(sim);
  return [
    {
      name: "gateway",
      url: gatewayUrl,
      headers: credentials.gateway,
      ask: (q, operation) => ({ ...q.gateway, query: named(q.gateway.query, operation) }),
      canonical: (q, data) => q.canonical.gateway(data),
    },
    {
      name: "peer",
      url: peerUrl,
      headers: credentials.peer,
      ask: (q, operation) => q.peer(operation),
      canonical: (q, data) => q.canonical.peer(data),
    },
  ];
}

/** `{ … }` or `query($x: T) { … }` named `operation`. */
const named = (query: string, operation: string) =>
  query.replace(/^\s*(?:query\s*)?(?=[({])/, `query ${operation}`);

async function measureBoth(sim: Simulators, sides: Side[], options: PeerRunOptions) {
  const questions = [overviewQuestion(sim.world), repositoryPageQuestion(sim.world), backupQuestion()];
  const rows: PeerRow[] = [];
  const difference: Record<string, string | null> = {};
  for (let pass = 0; pass < primingPasses; pass += 1)
    for (const question of questions) for (const side of sides) await ask(side, question, `Prime${pass}`);
  for (const question of questions) {
    const measured = await coldRuns(sim, sides, question, options);
    rows.push(...measured.rows);
    difference[question.name] = measured.difference;
  }
  for (const side of sides) {
    const row = rows.find((r) => r.question === "overview" && r.side === side.name)!;
    // An answer with errors is not kept by either side: its "warm" rate would be a cold one.
    if (row.errors === 0) row.throughput = await warmThroughput(side, questions[0]!, options);
  }
  return { rows, difference };
}

async function coldRuns(
  sim: Simulators,
  sides: Side[],
  question: PeerQuestion,
  options: PeerRunOptions,
): Promise<{ rows: PeerRow[]; difference: string | null }> {
  options.log(`${question.name}: gateway and peer, cold`);
  const rows = sides.map((side): PeerRow & { times: number[]; answers: unknown[] } => ({
    question: question.name,
    side: side.name,
    minimumCalls: question.minimumCalls,
    calls: 0,
    cold: summarize([]),
    throughput: null,
    errors: 0,
    refused: 0,
    times: [],
    answers: [],
  }));
  for (let run = 0; run < options.coldSamples; run += 1) {
    // Each side goes first in turn, so that neither always meets the other's leftovers.
    for (const index of run % 2 === 0 ? [0, 1] : [1, 0]) {
      const side = sides[index]!;
      const row = rows[index]!;
      if (side.name === "gateway") await invalidate(sim, side.url);
      resetCalls(sim);
      const refusedBefore = refusals(sim);
      const answer = await ask(side, question, `Cold${run}`);
      row.times.push(answer.ms);
      row.calls = Math.max(row.calls, upstreamCalls(sim));
      row.errors = Math.max(row.errors, answer.errors);
      row.refused = Math.max(row.refused, refusals(sim) - refusedBefore);
      row.answers[run] = answer.errors ? undefined : side.canonical(question, answer.body.data);
    }
  }
  return {
    rows: rows.map(({ times, answers: _answers, ...row }) => ({ ...row, cold: summarize(times) })),
    difference: compareRuns(rows[0]!.answers, rows[1]!.answers),
  };
}

/** Every run both sides answered without errors, compared: the first difference, or why none was compared. */
function compareRuns(gateway: unknown[], peer: unknown[]): string | null {
  const both = gateway.flatMap((g, run) =>
    g !== undefined && peer[run] !== undefined ? [[g, peer[run]]] : [],
  );
  if (!both.length) return "not compared: no run where both answered without errors";
  for (const [g, p] of both) {
    const difference = firstDifference(g, p, "");
    if (difference) return difference;
  }
  return null;
}

function ask(side: Side, question: PeerQuestion, operation: string) {
  const { query, variables } = side.ask(question, operation);
  return timed(side.url, query, variables, side.headers);
}

async function warmThroughput(side: Side, question: PeerQuestion, options: PeerRunOptions) {
  options.log(`${question.name}: ${side.name}, warm`);
  const { query, variables } = side.ask(question, "Warm");
  await ask(side, question, "Warm");
  const rps: Record<string, number> = {};
  for (const c of options.concurrencies)
    rps[`c${c}`] = (
      await throughput(side.url, query, variables, c, options.loadSeconds * 1000, side.headers)
    ).rps;
  return rps;
}

/** The same users' credentials for both, each in its own headers: the peer forwards them as is. */
async function callerCredentials(sim: Simulators) {
  const [admin] = sim.credentials.gitprotect;
  const scm = sim.credentials.scm.find((u) => u.name === "scmadmin")!;
  const pat = sim.credentials.azure.validToken;
  const login = await fetch(`${sim.gitprotect.url}/account/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString("base64");
  return {
    gateway: {
      "x-gitprotect-token": accessToken,
      "x-azure-devops-pat": pat,
      "x-scm-manager-username": scm.name,
      "x-scm-manager-password": scm.password,
    },
    peer: {
      "x-gitprotect-token": accessToken,
      "x-azure-devops-basic": basic("", pat),
      "x-scm-manager-basic": basic(scm.name, scm.password),
    },
  };
}

/** Where two canonical answers first differ, as a path and the two values; null when they agree. */
export function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path || "answer"}: ${a.length} against ${b.length} items`;
    const i = a.findIndex((item, j) => !isDeepStrictEqual(item, b[j]));
    return firstDifference(a[i], b[i], `${path}[${i}]`);
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const key = keys.find((k) => !isDeepStrictEqual((a as never)[k], (b as never)[k]))!;
    return firstDifference((a as never)[key], (b as never)[key], `${path}.${key}`);
  }
  return `${path}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`;
}
