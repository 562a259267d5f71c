/**
 * A query queue for pglite-socket that keeps each connection's extended-protocol sequence whole.
 *
 * PGlite runs one query at a time; pglite-socket (0.2.17) queues the protocol messages of all its
 * connections and runs them in arrival order, keeping to one connection only inside a
 * transaction. But the extended protocol spreads one query over several messages (Parse, Bind,
 * Describe, Execute, then Sync), and the unnamed statement and portal they share are per session:
 * when two connections' sequences interleave, one's Bind replaces the other's portal and the query
 * fails with `portal "" cannot be run` (SQLSTATE 55000). node-postgres, and so Prisma's adapter,
 * uses this protocol for every parameterised query, so concurrent requests hit it.
 *
 * This queue stays with a connection from its first message until the end of the sequence
 * (Sync or a simple Query) and, as pglite-socket does, for as long as a transaction is open.
 * Same interface as pglite-socket's own queue, which `installProtocolSafeQueue` replaces.
 * Seen with 10 concurrent deliveries of one webhook event (src/app/api/webhooks/stripe/
 * route.test.ts, "…arrive at the same time"): without this queue it failed 2 runs in 3.
 */
import type { PGlite } from "@electric-sql/pglite";

/** Message types that end a request sequence: Sync ('S'), Query ('Q'), Terminate ('X'). */
const SEQUENCE_END = new Set([0x53, 0x51, 0x58]);

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

export class ProtocolSafeQueue {
  private queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection whose sequence (or transaction) is in progress; null when none is. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.processQueue();
    });
  }

  /** The next message to run: the owner's when a sequence or transaction is open. */
  private next(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((m) => m.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  async processQueue(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          current.reject(error);
          continue;
        }
        const type = current.message[0] ?? 0;
        const sequenceOpen = type !== 0 && !SEQUENCE_END.has(type);
        this.owner = sequenceOpen || this.db.isInTransaction() ? current.handlerId : null;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** Drops a disconnected connection's messages and releases the queue if it held it. */
  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((m) => {
      if (m.handlerId !== handlerId) return true;
      m.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** After a disconnect: rolls back the connection's open transaction and moves on. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    await this.processQueue();
  }
}

/** Replaces `server`'s own query queue (call before `start()`). */
export function installProtocolSafeQueue(server: object, db: PGlite): void {
  const target = server as { queryQueue?: unknown };
  if (!("queryQueue" in target)) {
    throw new Error("pglite-socket changed: its server no longer has a queryQueue to replace");
  }
  target.queryQueue = new ProtocolSafeQueue(db);
}
