import { monitorEventLoopDelay } from "node:perf_hooks";
import { request } from "undici";
import { summarize } from "./measure.js";

/**
 * One client population of the soak, in a process of its own (as the callers of one query and of
 * another are different clients): it sends one query open-loop at a fixed rate from a shared start
 * time and prints, as one JSON line, its latencies before and after the half, its errors and its
 * own event-loop delay. Run by bench/soak.ts with `SOAK_LOAD` set to the plan below.
 */
export interface LoadPlan {
  url: string;
  query: string;
  /** Requests per second, offered whatever the answers do. */
  rate: number;
  /** Epoch milliseconds at which every load process begins, and the offsets (s) that matter. */
  startAt: number;
  seconds: number;
  warmUp: number;
  half: number;
}

export interface LoadReport {
  before: ReturnType<typeof summarize>;
  after: ReturnType<typeof summarize>;
  errors: Record<string, number>;
  dropped: number;
  /** p99 of this process's event-loop delay (ms, 1 ms resolution) in each half. */
  loopDelayP99Ms: number[];
}

const maxInFlight = 1024;
const now = () => performance.timeOrigin + performance.now();
const sleepUntil = (at: number) =>
  at > now() ? new Promise((resolve) => setTimeout(resolve, at - now())) : undefined;

/** undici's own request rather than fetch: the client's work per answer is a small part of what it measures. */
async function ask({ url, query }: LoadPlan): Promise<{ errors?: unknown[] }> {
  const operationName = /^\s*query\s+(\w+)/.exec(query)?.[1];
  const response = await request(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, operationName }),
  });
  return (await response.body.json()) as { errors?: unknown[] };
}

async function load(plan: LoadPlan): Promise<LoadReport> {
  const latencies = { before: [] as number[], after: [] as number[] };
  const errors = new Map<string, number>();
  const loop = monitorEventLoopDelay({ resolution: 1 });
  const loopDelayP99Ms: number[] = [];
  const sampleLoop = () => {
    loopDelayP99Ms.push(Math.round(loop.percentile(99) / 1e5) / 10);
    loop.reset();
  };
  const at = (offset: number) => plan.startAt + offset * 1000;
  setTimeout(() => loop.enable(), at(plan.warmUp) - now());
  setTimeout(sampleLoop, at(plan.half) - now());

  // Open loop: a latency counts from the scheduled start (no coordinated omission), and a fault that
  // makes some answers fast does not raise the load offered.
  const send = async (scheduled: number) => {
    const body = await ask(plan).catch(() => ({ errors: [{}] }));
    const offset = (scheduled - plan.startAt) / 1000;
    if (offset >= plan.warmUp) latencies[offset < plan.half ? "before" : "after"].push(now() - scheduled);
    for (const error of (body.errors ?? []) as Array<{ extensions?: { code?: string; upstream?: string } }>) {
      const key = `${error.extensions?.upstream ?? "-"} ${error.extensions?.code ?? "?"}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  const inFlight = new Set<Promise<void>>();
  let dropped = 0;
  for (let n = 0; ; n += 1) {
    const scheduled = plan.startAt + (n * 1000) / plan.rate;
    if (scheduled >= at(plan.seconds)) break;
    await sleepUntil(scheduled);
    if (inFlight.size >= maxInFlight) {
      dropped += 1;
      continue;
    }
    const request = send(scheduled).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  sampleLoop();
  return {
    before: summarize(latencies.before),
    after: summarize(latencies.after),
    errors: Object.fromEntries(errors),
    dropped,
    loopDelayP99Ms,
  };
}

console.log(JSON.stringify(await load(JSON.parse(process.env.SOAK_LOAD!) as LoadPlan)));
