/**
 * The load generator's process (forked by tools/bench/load.ts): receives one {@link LoadSpec} over IPC, runs
 * autocannon for the warm-up (discarded), says `{ type: "measuring" }`, runs the measurement and
 * replies `{ type: "done", summary }` ({@link LoadSummary}) or `{ type: "failed", error }`.
 */
import autocannon from "autocannon";
import type { LoadSpec, LoadSummary, WorkerMessage } from "../../tools/bench/load";

/** Seconds without an answer before autocannon counts a request as timed out. */
const TIMEOUT_S = 10;

function run(spec: LoadSpec, durationS: number): Promise<autocannon.Result> {
  return autocannon({
    url: spec.url,
    headers: spec.headers,
    connections: spec.connections,
    duration: durationS,
    timeout: TIMEOUT_S,
  });
}

function summarise(result: autocannon.Result, loadgenCpuMs: number): LoadSummary {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  const socketErrors = result.errors - result.timeouts; // autocannon's errors include timeouts
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.mean,
    non2xx: result.non2xx,
    socketErrors,
    timeouts: result.timeouts,
    errors: result.non2xx + result.errors,
    statusCodes,
    durationS: result.duration,
    loadgenCpuMs,
    bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
  };
}

process.once("message", (message) => {
  const spec = message as LoadSpec;
  const send = (answer: WorkerMessage, then: () => void = () => {}) => process.send?.(answer, then);
  (async () => {
    if (spec.warmupS > 0) await run(spec, spec.warmupS);
    send({ type: "measuring" });
    const cpu = process.cpuUsage();
    const result = await run(spec, spec.durationS);
    const { user, system } = process.cpuUsage(cpu);
    return summarise(result, (user + system) / 1000);
  })().then(
    (summary) => send({ type: "done", summary }, () => process.exit(0)),
    (error: unknown) => send({ type: "failed", error: String(error) }, () => process.exit(0)),
  );
});
