/**
 * Traces end to end against the real database, queue and Stripe emulator, collected by an in-memory
 * exporter: requests go through the real tRPC endpoint (src/app/api/trpc/[trpc]/route.ts) inside a
 * server span playing the part Next's own `POST /api/trpc/[trpc]` span plays in production, and the
 * job runs on the real worker (src/server/jobs/worker.ts, pg-boss `work`), as in production.
 *
 * `WRITE_TRACE_EXAMPLE=1 npx vitest run src/server/telemetry/tracing.test.ts` rewrites
 * docs/trace-example.json from the export request's trace.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { createTRPCClient } from "@trpc/client";
import type { Writable } from "node:stream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { env } from "@/env";
import { db } from "@/server/db";
import { jobs } from "@/server/jobs";
import { enqueue } from "@/server/jobs/queue";
import type { JobDefinition } from "@/server/jobs/types";
import { startWorker } from "@/server/jobs/worker";
import { createLogger } from "@/server/log";
import { stripe } from "@/server/billing/stripe";
import { startTracing } from "@/server/telemetry/sdk";
import { inSpan, REQUEST_ID_ATTRIBUTE } from "@/server/telemetry/tracing";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import { requestHeaders, signedInUser } from "@/test/trpc";
import { endpointLink } from "@/trpc/client";
import type { AppRouter } from "@/trpc/types";

const exporter = new InMemorySpanExporter();
const tracing = startTracing({ exporter, serviceName: "saas-starter" });
afterAll(() => tracing.shutdown());

cleanDatabaseBeforeEach();

let stopWorker: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopWorker?.();
  stopWorker = undefined;
});

/** Runs the export job on a worker until export `id` is done or failed (20 s at most). */
async function exportSettles(): Promise<string> {
  const worker = await startWorker({
    definitions: [jobs["export-workspace"] as JobDefinition<never>],
    pollingIntervalSeconds: 0.5,
  });
  stopWorker = worker.stop;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { status } = await db.export.findFirstOrThrow();
    if (status === "done" || status === "failed") return status;
    if (Date.now() > deadline) throw new Error(`export still ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A span as written to JSON: ids, timing in ms from the trace's start, and its children. */
interface SpanNode {
  name: string;
  kind: string;
  spanId: string;
  parentSpanId?: string;
  startMs: number;
  durationMs: number;
  status: string;
  attributes: Record<string, unknown>;
  children: SpanNode[];
}

const ms = ([seconds, nanos]: [number, number]) => seconds * 1000 + nanos / 1e6;

/** The spans of trace `traceId` as trees (roots first), as an exporter would ship them. */
function traceTree(traceId: string): SpanNode[] {
  const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  const start = Math.min(...spans.map((s) => ms(s.startTime)));
  const nodes = new Map<string, SpanNode>();
  const byStart = [...spans].sort((a, b) => ms(a.startTime) - ms(b.startTime));
  for (const span of byStart) {
    nodes.set(span.spanContext().spanId, {
      name: span.name,
      kind: SpanKind[span.kind],
      spanId: span.spanContext().spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      startMs: Math.round((ms(span.startTime) - start) * 100) / 100,
      durationMs: Math.round(ms(span.duration) * 100) / 100,
      status: SpanStatusCode[span.status.code],
      attributes: { ...span.attributes },
      children: [],
    });
  }
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentSpanId ? nodes.get(node.parentSpanId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Every node of `nodes` and their descendants. */
const flatten = (nodes: SpanNode[]): SpanNode[] =>
  nodes.flatMap((node) => [node, ...flatten(node.children)]);

/** The path of span names from a root down to each span named `name`. */
function pathsTo(roots: SpanNode[], name: string | RegExp, trail: string[] = []): string[][] {
  return roots.flatMap((node) => {
    const here = [...trail, node.name];
    const hit = typeof name === "string" ? node.name === name : name.test(node.name);
    return [...(hit ? [here] : []), ...pathsTo(node.children, name, here)];
  });
}

/**
 * A tRPC client over the real endpoint whose every HTTP request runs in a server span named as
 * Next names its own (`POST /api/trpc/[trpc]`), with `token`'s session cookie. Returns the client
 * and the requests' trace ids and `x-request-id` answers.
 */
function tracedClient(token: string) {
  const requests: { traceId: string; requestId: string | null }[] = [];
  const client = createTRPCClient<AppRouter>({
    links: [
      endpointLink(async (input, init) => {
        const headers = requestHeaders(token);
        new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
        headers.set("origin", new URL(env.APP_URL).origin);
        const request = new Request(input, { ...init, headers });
        const name = `${request.method} /api/trpc/[trpc]`;
        return inSpan(name, { kind: SpanKind.SERVER }, async (span) => {
          const response = await (request.method === "POST" ? POST(request) : GET(request));
          span.setAttribute("http.response.status_code", response.status);
          requests.push({
            traceId: span.spanContext().traceId,
            requestId: response.headers.get("x-request-id"),
          });
          return response;
        });
      }),
    ],
  });
  return { client, requests };
}

/** A signed-in owner of workspace "acme" on the Pro plan (CSV export allowed). */
async function proOwner() {
  const { user, token } = await signedInUser();
  const workspace = await db.workspace.create({
    data: {
      name: "Acme",
      slug: "acme",
      memberships: { create: { userId: user.id, role: "owner" } },
    },
  });
  await givePlan(workspace.id, "pro");
  return { token, workspace };
}

describe("traces", () => {
  it("nest a request's tRPC procedure, its Prisma queries and the job it enqueued under the request", async () => {
    const { token } = await proOwner();
    exporter.reset();
    const { client, requests } = tracedClient(token);
    await client.export.request.mutate({ workspaceSlug: "acme" });
    expect(await exportSettles()).toBe("done");
    await tracing.provider.forceFlush();

    const [request] = requests;
    const roots = traceTree(request!.traceId);
    expect(roots.map((r) => r.name)).toEqual(["POST /api/trpc/[trpc]"]);
    const [root] = roots;
    // The request id of the logs and of the x-request-id header is on the request's root span.
    expect(root!.attributes[REQUEST_ID_ATTRIBUTE]).toBe(request!.requestId);

    const ROOT = "POST /api/trpc/[trpc]";
    expect(pathsTo(roots, "export.request")).toEqual([[ROOT, "export.request"]]);
    const procedure = flatten(roots).find((s) => s.name === "export.request")!;
    expect(procedure.attributes).toMatchObject({
      "rpc.system": "trpc",
      "trpc.path": "export.request",
      "trpc.type": "mutation",
      "trpc.code": "OK",
    });
    // Prisma's queries, with their SQL, inside the procedure...
    const inProcedure = flatten(procedure.children);
    expect(inProcedure.some((s) => s.name === "prisma:client:operation")).toBe(true);
    expect(inProcedure.filter((s) => s.name === "prisma:client:db_query").length).toBeGreaterThan(
      2,
    );
    // ...and the job: sent from the procedure, processed (with its own queries) under that send.
    expect(pathsTo(roots, "process export-workspace")).toEqual([
      [ROOT, "export.request", "send export-workspace", "process export-workspace"],
    ]);
    const processed = flatten(roots).find((s) => s.name === "process export-workspace")!;
    expect(processed.kind).toBe("CONSUMER");
    expect(processed.attributes["messaging.destination.name"]).toBe("export-workspace");
    expect(flatten(processed.children).some((s) => s.name === "prisma:client:db_query")).toBe(true);

    if (process.env.WRITE_TRACE_EXAMPLE) {
      const file = path.resolve(import.meta.dirname, "../../../docs/trace-example.json");
      const example = { traceId: request!.traceId, resource: { "service.name": "saas-starter" } };
      await writeFile(file, `${JSON.stringify({ ...example, spans: roots }, null, 2)}\n`);
    }
  });

  it("carries the request id on the root span and the trace id in the request's log lines", async () => {
    const { token } = await proOwner();
    exporter.reset();
    const { client, requests } = tracedClient(token);
    const overview = await client.dashboard.overview.query({ workspaceSlug: "acme" });
    expect(overview.plan.slug).toBe("pro");
    const [request] = requests;
    const roots = traceTree(request!.traceId);
    expect(roots.map((r) => r.name)).toEqual(["GET /api/trpc/[trpc]"]);
    expect(roots[0]!.attributes[REQUEST_ID_ATTRIBUTE]).toBe(request!.requestId);
    const procedure = flatten(roots).find((s) => s.name === "dashboard.overview")!;
    expect(procedure.attributes).toMatchObject({ "trpc.type": "query", "trpc.code": "OK" });
    expect(flatten(procedure.children).some((s) => s.name === "prisma:client:db_query")).toBe(true);

    // A line logged inside a span names the span's trace.
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) } as unknown as Writable;
    const log = createLogger(sink, "info");
    await inSpan("work", {}, async (span) => {
      log.info("inside");
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(line.trace_id).toBe(span.spanContext().traceId);
      expect(line.span_id).toBe(span.spanContext().spanId);
    });
    log.info("outside");
    expect(JSON.parse(lines[1]!)).not.toHaveProperty("trace_id");
  });

  it("marks a failed procedure with its code and a server error as an error", async () => {
    const { token } = await proOwner();
    exporter.reset();
    const { client } = tracedClient(token);
    await expect(client.dashboard.overview.query({ workspaceSlug: "nope" })).rejects.toThrow();
    const procedure = exporter.getFinishedSpans().find((s) => s.name === "dashboard.overview")!;
    expect(procedure.attributes["trpc.code"]).toBe("NOT_FOUND");
    // A client error is not a server fault: the span's status stays unset.
    expect(procedure.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("traces Stripe API calls as client spans with ids out of their names", async () => {
    exporter.reset();
    await inSpan("billing", {}, async () => {
      const customer = await stripe().customers.create({ email: "ada@example.com" });
      await stripe().customers.retrieve(customer.id);
    });
    const names = exporter
      .getFinishedSpans()
      .filter((s: ReadableSpan) => s.kind === SpanKind.CLIENT)
      .map((s) => [s.name, s.attributes["http.response.status_code"]]);
    expect(names).toEqual([
      ["POST /v1/customers", 200],
      ["GET /v1/customers/{id}", 200],
    ]);
  });

  it("stores the sender's trace context on the job, beside its payload", async () => {
    const sender = await inSpan("sender", {}, async (span) => {
      await enqueue("cleanup", {});
      return span.spanContext();
    });
    const [job] = await db.$queryRaw<{ data: unknown; trace_context: unknown }[]>`
      SELECT data, trace_context FROM pgboss.job WHERE name = 'cleanup'`;
    // The traceparent of pg-boss's `send cleanup` span, a child of the sender's span.
    expect(job).toEqual({
      data: {},
      trace_context: {
        traceparent: expect.stringMatching(new RegExp(`^00-${sender.traceId}-[0-9a-f]{16}-01$`)),
      },
    });
  });
});
