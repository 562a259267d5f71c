/**
 * One scrape of `/api/metrics`: the process's metrics (src/server/telemetry/metrics.ts) with the
 * scrape-time gauges read now from the job queue (`pgboss.job`; pg-boss's internal `__pgboss__*`
 * queues left out) and the webhook inbox (`StripeEvent`). Four small queries per scrape; none on the request path.
 */
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { adminStripeEventStatuses } from "@/schemas/constants";
import { db } from "@/server/db";
import { BOSS_SCHEMA } from "@/server/jobs/queue";
import { metrics, registerSources } from "@/server/telemetry/metrics";

/** The job states reported per queue: waiting (created, retry), running, failed and retained. */
const JOB_STATES = ["created", "retry", "active", "failed"] as const;

/** Statuses of an event not handled yet: its age is the inbox's lag. */
const UNHANDLED = ["received", "processing", "failed"] as const;

registerSources({
  async jobCounts() {
    // pg-boss creates its schema on first use: before that there is no queue to report.
    const [exists] = await db.$queryRaw<{ ok: boolean }[]>`
      SELECT to_regclass(${`${BOSS_SCHEMA}.job`}) IS NOT NULL AS ok`;
    if (!exists?.ok) return [];
    const schema = Prisma.raw(`"${BOSS_SCHEMA}"`);
    // Every queue and state, zeros included, so a series exists before its first job.
    return db.$queryRaw<{ queue: string; state: string; jobs: number }[]>`
      SELECT q.name AS queue, s.state, count(j.id)::int AS jobs
      FROM ${schema}.queue q
      CROSS JOIN unnest(${[...JOB_STATES]}::text[]) AS s(state)
      LEFT JOIN ${schema}.job j ON j.name = q.name AND j.state::text = s.state
      WHERE NOT starts_with(q.name, '__pgboss__')
      GROUP BY q.name, s.state`;
  },
  async webhookEventCounts() {
    const grouped = await db.stripeEvent.groupBy({ by: ["status"], _count: { _all: true } });
    const counts = Object.fromEntries(adminStripeEventStatuses.map((status) => [status, 0]));
    for (const row of grouped) counts[row.status] = row._count._all;
    return counts;
  },
  async webhookLagSeconds() {
    const oldest = await db.stripeEvent.aggregate({
      where: { status: { in: [...UNHANDLED] } },
      _min: { receivedAt: true },
    });
    const since = oldest._min.receivedAt;
    return since ? Math.max(0, (Date.now() - since.getTime()) / 1000) : 0;
  },
});

/** The metrics in Prometheus' text exposition format, and its content type. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
