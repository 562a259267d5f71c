import type { Instrumentation } from "next";

/** Runs once when the Next server starts; the work is Node-only (src/server/startup.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/server/startup");
    await onServerStart();
  }
}

/**
 * Every error a request hits in a page, layout, route handler, server action or the proxy
 * (tRPC's own errors go through its onError): reported with the request's id, its route and its
 * path without the query (src/server/error-reporting.ts).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportServerError } = await import("@/server/error-reporting");
  const requestId = request.headers["x-request-id"];
  reportServerError(error, "request", {
    requestId: typeof requestId === "string" ? requestId : null,
    context: {
      method: request.method,
      path: request.path.split(/[?#]/)[0],
      route: context.routePath,
      routeType: context.routeType,
      renderSource: context.renderSource ?? null,
    },
  });
};
