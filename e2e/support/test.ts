import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from "@playwright/test";

/**
 * `test` and `expect` for every spec: Playwright's, plus an automatic guard that fails a test when
 * any page it opened (in its own `context`, or in a context it made with `browser.newContext`,
 * e.g. `otherDevice`):
 * - throws an uncaught error (`pageerror`: React reports a hydration mismatch, error #418, there),
 * - logs an error to the console (`console` of type "error"), unless it is in {@link KNOWN_ERRORS}
 *   or the test declared it first with `expectConsoleErrors(failedLoad(404, /\/admin$/, "why"))`,
 * - scrolls sideways: `document.scrollingElement.scrollWidth` wider than the viewport.
 *
 * Overflow is checked in the page itself (an init script): after the DOM or the viewport settles
 * (300 ms without a mutation or resize, 1.2 s at most), so it covers client-side navigations and content that
 * arrives late, at the cost of one layout read per settled change; and once more on every open page
 * when the test ends. A report names the innermost elements sticking out, so the culprit is in the
 * failure message. e2e/page-guard.spec.ts shows each check failing a test.
 */

/** A console error the suite accepts, and why: its text and, if given, its source URL. */
export interface ExpectedConsoleError {
  text: RegExp;
  /** The URL the message names (for "Failed to load resource", the resource's). */
  url?: RegExp;
  reason: string;
}

/**
 * Chromium logs "Failed to load resource: the server responded with a status of <status>" for
 * every response that is not 2xx/3xx, documents and `fetch` alike, even when the page handles it:
 * for a test that provokes such an answer on purpose (a 404 page, a wrong password's 401).
 */
export function failedLoad(status: number, url: RegExp, reason: string): ExpectedConsoleError {
  return { text: new RegExp(`^Failed to load resource: .*status of ${status}\\b`), url, reason };
}

/**
 * Playwright runs its own scripts in every frame (this guard's init script, trace snapshots); a
 * frame sandboxed without `allow-scripts` (the mailbox's emails) refuses them and Chromium logs
 * it. Every test that reads a link from /dev/mailbox meets it, hence a known error.
 */
const SANDBOXED_FRAME_SCRIPTS: ExpectedConsoleError = {
  text: /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/,
  // Chromium names the frame's document, or nothing (then the page's URL stands in).
  url: /^about:srcdoc$|\/dev\/mailbox$/,
  reason: "Playwright's scripts refused by a sandboxed frame (the sandbox doing its job)",
};

/**
 * Console errors that every spec may meet, each with the reason it is not a defect. Keep this list
 * short and exact: a test that provokes an error on purpose declares it itself
 * (`expectConsoleErrors`), so nothing here hides a real failure elsewhere.
 */
const KNOWN_ERRORS: ExpectedConsoleError[] = [SANDBOXED_FRAME_SCRIPTS];

/** How long the DOM must be still before the page measures its width (ms). */
const SETTLE_MS = 300;
const BINDING = "__e2eReportOverflow";

type Fixtures = {
  /**
   * Declares console errors this test provokes on purpose (see {@link failedLoad}); each needs its
   * reason. Any other console error, uncaught error or sideways scroll fails the test.
   */
  expectConsoleErrors: (...errors: ExpectedConsoleError[]) => void;
  pageGuard: { declare: (errors: ExpectedConsoleError[]) => void };
};

/**
 * Runs in the page: null when it does not scroll sideways, else a report naming the innermost
 * elements that stick out past the right edge (the likely culprits). Self-contained: it is both
 * serialised into the init script and passed to `page.evaluate`.
 */
function overflowReport(): string | null {
  const root = document.scrollingElement;
  if (!root || root.scrollWidth <= root.clientWidth) return null;
  const width = root.clientWidth;
  // An element sticks out when its box or its content (text that does not wrap) passes the
  // edge, unless a scroll or clip box holds it.
  const clipped = (element: Element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  const outside = [...document.body.querySelectorAll("*")].filter((element) => {
    const box = element.getBoundingClientRect();
    const clips = getComputedStyle(element).overflowX !== "visible";
    const right = box.left + (clips ? box.width : Math.max(box.width, element.scrollWidth));
    return right > width + 1 && !clipped(element);
  });
  const innermost = outside.filter(
    (element) => !outside.some((other) => other !== element && element.contains(other)),
  );
  const describe = (element: Element) => {
    const testId = element.getAttribute("data-testid");
    const classes = (element.getAttribute("class") ?? "").trim().split(/\s+/).slice(0, 4);
    const text = (element.textContent ?? "").trim().slice(0, 40);
    return `<${element.tagName.toLowerCase()}${testId ? ` data-testid=${testId}` : ""}${
      classes[0] ? ` .${classes.join(".")}` : ""
    }> "${text}"`;
  };
  return `${location.pathname}${location.search} scrolls sideways at ${window.innerWidth} px (scrollWidth ${root.scrollWidth} > ${width}); sticking out: ${innermost.slice(0, 3).map(describe).join(", ")}`;
}

/**
 * Runs in the page: calls `report` (overflowReport) once the DOM and the viewport have been still
 * for `settleMs`, and sends each new overflow through the binding.
 */
function overflowWatcher(
  { binding, settleMs }: { binding: string; settleMs: number },
  report: () => string | null,
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: string | null = null;
  const check = () => {
    const found = report();
    if (found && found !== last) {
      (window as unknown as Record<string, (found: string) => void>)[binding]?.(found);
    }
    last = found;
  };
  // Debounced, but a page that never stops changing (an animation) is still checked every
  // 4 × settleMs.
  let waitingSince: number | undefined;
  const schedule = () => {
    const now = performance.now();
    waitingSince ??= now;
    if (now - waitingSince >= 4 * settleMs) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      waitingSince = undefined;
      check();
    }, settleMs);
  };
  const start = () => {
    new MutationObserver(schedule).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
    window.addEventListener("resize", schedule);
    schedule();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}

/** The init script: the watcher with its report function, as source (no eval under the CSP). */
const watcherScript = `(${overflowWatcher.toString()})(${JSON.stringify({
  binding: BINDING,
  settleMs: SETTLE_MS,
})}, ${overflowReport.toString()});`;

/** The page's overflow when the test ends (null if none, or if it is navigating or closed). */
async function overflowNow(page: Page): Promise<string | null> {
  if (page.isClosed()) return null;
  return page.evaluate(overflowReport).catch(() => null);
}

export const test = base.extend<Fixtures>({
  expectConsoleErrors: async ({ pageGuard }, provide) => {
    await provide((...errors) => pageGuard.declare(errors));
  },
  pageGuard: [
    async ({ context, browser }, provide, testInfo) => {
      const problems: string[] = [];
      const declared: ExpectedConsoleError[] = [];
      const contexts: BrowserContext[] = [];

      const onConsole = (message: ConsoleMessage) => {
        if (message.type() !== "error") return;
        const text = message.text();
        const where = message.location().url || message.page()?.url() || "";
        const accepted = [...KNOWN_ERRORS, ...declared].some(
          (known) => known.text.test(text) && (!known.url || known.url.test(where)),
        );
        if (accepted) return;
        problems.push(`console error on ${where}: ${text}`);
      };
      const watchPage = (page: Page) => {
        page.on("console", onConsole);
        page.on("pageerror", (error) =>
          problems.push(`uncaught error on ${page.url()}: ${error.message}`),
        );
      };
      const watchContext = async (watched: BrowserContext) => {
        contexts.push(watched);
        await watched.exposeBinding(BINDING, (_source, report: string) => {
          problems.push(report);
        });
        await watched.addInitScript({ content: watcherScript });
        watched.pages().forEach(watchPage);
        watched.on("page", watchPage);
      };
      await watchContext(context);

      // Contexts the test makes itself (another device, another person) are watched too.
      const newContext = browser.newContext;
      (browser as { newContext: Browser["newContext"] }).newContext = async (...args) => {
        const made = await newContext.apply(browser, args);
        await watchContext(made);
        return made;
      };
      try {
        await provide({ declare: (errors) => void declared.push(...errors) });
      } finally {
        (browser as { newContext: Browser["newContext"] }).newContext = newContext;
      }

      for (const watched of contexts) {
        for (const page of watched.pages()) {
          const overflow = await overflowNow(page);
          if (overflow && !problems.includes(overflow)) problems.push(overflow);
        }
      }
      const unique = [...new Set(problems)];
      if (unique.length === 0) return;
      // A test that already failed keeps its own failure; these are attached for context.
      if (testInfo.status === "failed" || testInfo.status === "timedOut") {
        await testInfo.attach("page-guard", { body: unique.join("\n"), contentType: "text/plain" });
        return;
      }
      throw new Error(
        `Pages this test visited reported problems (e2e/support/test.ts):\n- ${unique.join("\n- ")}`,
      );
    },
    { auto: true },
  ],
});

export { expect };
