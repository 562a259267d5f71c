/**
 * Forces interleavings of two concurrent calls at SQL-statement boundaries, for race tests.
 *
 * `forEachInterleaving(setup, calls, check)` runs the pair once per boundary: call `a` runs up to
 * its k-th SQL statement and waits there while `b` runs until it settles or blocks, then `a` goes
 * on; k goes from 0 (`b` whole, then `a`) until `a` runs out of statements (`a` whole, then `b`).
 * Then the same with the roles swapped. Promise.all alone hits a race only when the scheduler
 * happens to; this reaches every "one call inside the other" order, on every run.
 *
 * `b` counts as blocked when one of its statements has had no answer for {@link BLOCKED_MS}: it is
 * waiting for a lock `a` holds (PostgreSQL), or for `a`'s open transaction to end (the embedded
 * server runs one transaction at a time). A statement merely slow past that limit lets `a` go on
 * early: a different interleaving, still a valid one. Statements are told apart by the
 * AsyncLocalStorage context of their call, seen in pg's `Client#query`, the driver under
 * @prisma/adapter-pg; a call that shows no statement there fails the run rather than pass unforced.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

/** How long (ms) a statement of the inner call may go unanswered before it counts as blocked. */
export const BLOCKED_MS = 250;

/** One call's statements: how many have started, where to stop, what is in flight since when. */
interface Track {
  started: number;
  stopBefore: number;
  onStop: () => Promise<void>;
  inFlightSince: Set<number>;
}

const tracks = new AsyncLocalStorage<Track>();

type Query = (...args: unknown[]) => unknown;
let installed = false;

/** Wraps pg's `Client#query` once: calls with a track wait at their stop and are timed. */
function install() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as Query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const track = tracks.getStore();
    if (!track) return original.apply(this, args);
    const callback = typeof args.at(-1) === "function" ? (args.pop() as Query) : undefined;
    const index = track.started++;
    const result = (async () => {
      if (index === track.stopBefore) await track.onStop();
      const since = Date.now();
      track.inFlightSince.add(since);
      try {
        return await (original.apply(this, args) as Promise<unknown>);
      } finally {
        track.inFlightSince.delete(since);
      }
    })();
    if (!callback) return result;
    result.then(
      (value) => callback(null, value),
      (error: unknown) => callback(error),
    );
    return undefined;
  } as typeof pg.Client.prototype.query;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `call` in a track that stops before statement `stopBefore` and runs `onStop` there. */
function tracked(call: () => Promise<unknown>, stopBefore = Infinity, onStop = async () => {}) {
  const track: Track = { started: 0, stopBefore, onStop, inFlightSince: new Set() };
  const settled = tracks.run(track, () =>
    call().then(
      (value): PromiseSettledResult<unknown> => ({ status: "fulfilled", value }),
      (reason: unknown): PromiseSettledResult<unknown> => ({ status: "rejected", reason }),
    ),
  );
  return { track, settled };
}

/** Resolves when `call` has settled or one of its statements has waited {@link BLOCKED_MS}. */
async function settledOrBlocked(call: ReturnType<typeof tracked>) {
  let done = false;
  void call.settled.then(() => (done = true));
  while (!done) {
    const oldest = Math.min(...call.track.inFlightSince);
    if (Date.now() - oldest >= BLOCKED_MS) return;
    await Promise.race([call.settled, sleep(10)]);
  }
}

/**
 * Runs `outer` with `inner` placed before outer's statement `k`.
 * @returns both outcomes and whether `outer` reached statement `k` (false: `inner` ran after it).
 */
async function runOnce(outer: () => Promise<unknown>, inner: () => Promise<unknown>, k: number) {
  let innerCall: ReturnType<typeof tracked> | undefined;
  const outerCall = tracked(outer, k, async () => {
    innerCall = tracked(inner);
    await settledOrBlocked(innerCall);
  });
  const outerOutcome = await outerCall.settled;
  const reached = innerCall !== undefined;
  innerCall ??= tracked(inner);
  return { outer: outerOutcome, inner: await innerCall.settled, reached };
}

/** The two outcomes of a pair of calls, in the order `[a, b]`. */
export type Outcomes = [PromiseSettledResult<unknown>, PromiseSettledResult<unknown>];

/**
 * Runs `a` and `b` in every order where one runs inside the other between two of its SQL
 * statements, each time on a fresh `setup()`, and calls `check` after each run.
 * @param calls builds the two calls from the run's state.
 * @param check gets the state, the outcomes `[a, b]` and a label naming the order (for messages).
 */
export async function forEachInterleaving<T>(
  setup: () => Promise<T>,
  calls: (state: T) => [() => Promise<unknown>, () => Promise<unknown>],
  check: (state: T, outcomes: Outcomes, order: string) => Promise<void>,
): Promise<void> {
  install();
  for (const outerIsA of [true, false]) {
    for (let k = 0; ; k++) {
      const state = await setup();
      const [a, b] = calls(state);
      const run = outerIsA ? await runOnce(a, b, k) : await runOnce(b, a, k);
      const outcomes: Outcomes = outerIsA ? [run.outer, run.inner] : [run.inner, run.outer];
      const order = run.reached
        ? `${outerIsA ? "b" : "a"} before statement ${k} of ${outerIsA ? "a" : "b"}`
        : `${outerIsA ? "a, then b" : "b, then a"}`;
      if (k === 0 && !run.reached) {
        throw new Error("A call ran no SQL through pg's Client#query: nothing to interleave.");
      }
      await check(state, outcomes, order);
      if (!run.reached) break;
    }
  }
}
