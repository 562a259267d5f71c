import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorReport } from "./report";

const sent: ErrorReport[] = [];
vi.mock("./reporter", () => ({
  initErrorReporter: () => {},
  sendErrorReport: (report: ErrorReport) => sent.push(report),
}));
const { installGlobalErrorHandlers, reportClientError } = await import("./client");

/** A page as the root layout renders it: its request id and APP_ENV in `<meta>` tags. */
function stubPage() {
  const meta: Record<string, string> = { "x-request-id": "req-12345678", "app-env": "production" };
  const listeners = new Map<string, (event: unknown) => void>();
  vi.stubGlobal("document", {
    querySelector: (selector: string) => {
      const name = /name="([^"]+)"/.exec(selector)?.[1] ?? "";
      return name in meta ? { getAttribute: () => meta[name] } : null;
    },
  });
  vi.stubGlobal("window", {
    location: { pathname: "/w/acme/projects" },
    addEventListener: (type: string, listener: (event: unknown) => void) =>
      listeners.set(type, listener),
  });
  return listeners;
}

afterEach(() => {
  sent.length = 0;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("reportClientError", () => {
  it("reports with the page's request id, APP_ENV and path, scrubbed, and logs one JSON line", () => {
    stubPage();
    const console = vi.spyOn(globalThis.console, "error").mockImplementation(() => {});
    const report = reportClientError(new Error("render failed for joe@example.com"), {
      boundary: "this page",
    });
    expect(report).toMatchObject({
      source: "client",
      requestId: "req-12345678",
      environment: "production",
      error: { message: "render failed for [email]" },
      context: { path: "/w/acme/projects", boundary: "this page" },
    });
    expect(sent).toEqual([report]);
    expect(JSON.parse(console.mock.calls[0]![0] as string)).toMatchObject({ msg: "error report" });
  });

  it("reports uncaught errors and unhandled rejections once the handlers are installed", () => {
    const listeners = stubPage();
    vi.spyOn(globalThis.console, "error").mockImplementation(() => {});
    installGlobalErrorHandlers();
    listeners.get("error")!({ error: new TypeError("x is undefined"), message: "x" });
    listeners.get("unhandledrejection")!({ reason: new Error("fetch failed") });
    expect(sent.map((r) => [r.error.name, r.context.handler])).toEqual([
      ["TypeError", "window.onerror"],
      ["Error", "unhandledrejection"],
    ]);
  });
});
