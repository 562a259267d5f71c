/**
 * Load generation for `npm run bench`: each measurement runs autocannon in a child process of its
 * own (scripts/bench/load-worker.ts), so the load generator shares an event loop with neither the
 * bench nor a server under test. The child runs an unmeasured warm-up, then the measured run, and sends back
 * a {@link LoadSummary}.
 */
import path from "node:path";
import { forkGroup, stop } from "../process-groups";

/** One measurement: `connections` keep-alive connections sending GET `url` for `durationS` s. */
export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** Measured seconds. */
  durationS: number;
  /** Unmeasured seconds first (0 = none). */
  warmupS: number;
}

/** What a measurement found. Latencies in ms, of 2xx answers only (autocannon records those). */
export interface LoadSummary {
  /** Completed requests (every status). */
  requests: number;
  /** Mean of the per-second request counts. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Answers with a status outside 2xx (1xx, 3xx, 4xx, 5xx). */
  non2xx: number;
  /** Connection errors other than timeouts. */
  socketErrors: number;
  /** Requests without an answer within 10 s. */
  timeouts: number;
  /** non2xx + socketErrors + timeouts. */
  errors: number;
  /** Count per status code, e.g. `{ "200": 1234 }`. */
  statusCodes: Record<string, number>;
  /** Measured seconds, as autocannon timed them. */
  durationS: number;
  /** CPU time of the load generator's process during the measurement, in ms. */
  loadgenCpuMs: number;
  /** Mean bytes received per answer (headers and body). */
  bytesPerResponse: number;
}

/** The messages the worker sends: the measurement starts, then its result (or failure). */
export type WorkerMessage =
  | { type: "measuring" }
  | { type: "done"; summary: LoadSummary }
  | { type: "failed"; error: string };

/**
 * Runs `spec` in a new load-worker process; `onMeasuring` is called when the warm-up is over and
 * the measurement begins, `onMeasured` as soon as its result arrives.
 * @throws Error when the worker fails or exits without an answer.
 */
export async function runLoad(
  spec: LoadSpec,
  hooks: { onMeasuring?: () => void; onMeasured?: () => void } = {},
): Promise<LoadSummary> {
  const child = forkGroup(
    "autocannon",
    path.join(import.meta.dirname, "../../scripts/bench/load-worker.ts"),
  );
  try {
    const reply = await new Promise<Exclude<WorkerMessage, { type: "measuring" }>>(
      (resolve, reject) => {
        child.on("message", (message: WorkerMessage) => {
          if (message.type === "measuring") hooks.onMeasuring?.();
          else {
            hooks.onMeasured?.();
            resolve(message);
          }
        });
        child.once("exit", (code) => reject(new Error(`the load worker exited (${code})`)));
        child.send(spec);
      },
    );
    if (reply.type === "failed") throw new Error(`autocannon failed: ${reply.error}`);
    return reply.summary;
  } finally {
    await stop(child);
  }
}
