import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorReport } from "@/error-reporting/report";

const sent: ErrorReport[] = [];
const tracker = vi.hoisted(() => ({ fail: false }));
vi.mock("@/error-reporting/reporter", () => ({
  initErrorReporter: () => {},
  sendErrorReport: (report: ErrorReport) => {
    if (tracker.fail) throw new Error("tracker down");
    sent.push(report);
  },
}));

const { reportServerError } = await import("./error-reporting");
const { logger } = await import("./log");

afterEach(() => {
  sent.length = 0;
  tracker.fail = false;
  vi.restoreAllMocks();
});

describe("reportServerError", () => {
  it("logs one structured line and hands the same scrubbed report to the tracker", () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const report = reportServerError(new Error("mail to eve@example.com failed"), "job", {
      requestId: "0f6c7d5e-1111-2222-3333-444455556666",
      context: { job: "send-email", jobId: "j1", token: "t0ps3cret" },
    });
    expect(report).toMatchObject({
      source: "job",
      requestId: "0f6c7d5e-1111-2222-3333-444455556666",
      environment: "local",
      error: { message: "mail to [email] failed" },
      context: { job: "send-email", jobId: "j1", token: "[Redacted]" },
    });
    expect(log).toHaveBeenCalledWith({ report }, "error report");
    expect(sent).toEqual([report]);
    expect(JSON.stringify(sent)).not.toMatch(/eve@|t0ps3cret/);
  });

  it("does not log again what the caller logged, and survives a failing tracker", () => {
    const error = vi.spyOn(logger, "error").mockImplementation(() => {});
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    tracker.fail = true;
    expect(() => reportServerError(new Error("x"), "trpc", { logged: true })).not.toThrow();
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.any(Error) }),
      "the error tracker failed to take a report",
    );
  });
});
