import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { isStaleRender, markWorkspaceLost, slugOfQueryKey } from "@/trpc/lost-workspaces";

beforeEach(() => {
  const store = new Map<string, string>();
  vi.stubGlobal("sessionStorage", {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
    removeItem: (key: string) => store.delete(key),
  });
  vi.stubGlobal("window", new EventTarget());
  vi.useFakeTimers({ now: new Date("2026-12-05T10:00:00Z") });
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it("finds a copy rendered before the loss stale, and a later render fresh again", () => {
  const before = Date.now() - 60_000;
  expect(isStaleRender("acme", before)).toBe(false);
  const events: string[] = [];
  window.addEventListener("workspace-lost", (e) => events.push((e as CustomEvent).detail));
  markWorkspaceLost("acme");
  expect(events).toEqual(["acme"]);
  expect(isStaleRender("acme", before)).toBe(true);
  expect(isStaleRender("other", before)).toBe(false);

  vi.advanceTimersByTime(60_000);
  expect(isStaleRender("acme", Date.now())).toBe(false);
  // The mark is gone: even an old copy is shown again (the user is a member again).
  expect(isStaleRender("acme", before)).toBe(false);
});

it("trusts the server's answer to its refresh even when the server's clock is behind", () => {
  markWorkspaceLost("acme", { notify: false });
  const serverClock = Date.now() - 5 * 60_000; // five minutes behind the browser
  expect(isStaleRender("acme", serverClock - 1_000)).toBe(true);
  // An older cached copy met meanwhile is still stale.
  expect(isStaleRender("acme", serverClock - 2_000)).toBe(true);
  vi.advanceTimersByTime(500);
  // The refresh rendered the page (the user is a member again): no refresh loop.
  expect(isStaleRender("acme", serverClock + 500)).toBe(false);
});

it("reads the workspace slug of a tRPC query key", () => {
  expect(slugOfQueryKey([["project", "list"], { input: { workspaceSlug: "acme" } }])).toBe("acme");
  expect(slugOfQueryKey([["workspace", "list"]])).toBeUndefined();
});
