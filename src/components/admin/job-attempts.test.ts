import { describe, expect, it } from "vitest";
import { attemptsLabel, ordinal } from "@/components/admin/job-attempts";

describe("attemptsLabel", () => {
  it("says which attempt a completed job succeeded on, not pg-boss's retry count", () => {
    expect(attemptsLabel({ state: "completed", attempts: 1, maxAttempts: 4 })).toBe("1st attempt");
    expect(attemptsLabel({ state: "completed", attempts: 3, maxAttempts: 4 })).toBe("3rd attempt");
  });

  it("counts attempts used of the limit while a job runs, waits or has failed", () => {
    expect(attemptsLabel({ state: "active", attempts: 2, maxAttempts: 4 })).toBe("Attempt 2 of 4");
    expect(attemptsLabel({ state: "retry", attempts: 1, maxAttempts: 4 })).toBe("1 of 4 attempts");
    expect(attemptsLabel({ state: "failed", attempts: 1, maxAttempts: 1 })).toBe("1 of 1 attempt");
  });

  it("reads a job no worker has taken as not started", () => {
    expect(attemptsLabel({ state: "created", attempts: 0, maxAttempts: 6 })).toBe("Not started");
  });

  it("writes English ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
    ]);
  });
});
