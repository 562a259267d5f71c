/**
 * The emulator's hosted pages as server-rendered HTML strings: Checkout, the Customer Portal, a
 * message page and the developer dashboard. Inline CSS (light and dark via
 * `prefers-color-scheme`), no JavaScript, labelled form fields, and every interpolated string
 * escaped with `escapeHtml`. Rendering only: hosted.ts decides what to show.
 */
import { formatCents } from "./objects";

/** `text` safe inside HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** "March 5, 2026" from unix seconds (UTC). */
export function formatDate(seconds: number): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(seconds * 1000),
  );
}

/** "2026-03-05 14:02 UTC" from unix seconds. */
export function formatDateTime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "$19.00 per month" from cents, currency and interval. */
export function formatRecurring(cents: number, currency: string, interval: string): string {
  return `${formatCents(cents, currency)} per ${interval}`;
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f8fa; --card: #fff; --text: #1a1f36; --muted: #5b6275;
  --border: #d8dee4; --accent: #635bff; --accent-text: #fff; --danger: #b42318; --danger-bg: #fdecea;
  --ok: #05603a; --ok-bg: #e7f6ec; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --card: #161b22; --text: #e6edf3;
  --muted: #9da7b3; --border: #30363d; --accent: #8b85ff; --accent-text: #0d1117; --danger: #ffb4ab;
  --danger-bg: #3b1212; --ok: #7ee2a8; --ok-bg: #0f2e1c; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--text); }
main { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
main.wide { max-width: 64rem; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 1.5rem; margin-bottom: 1rem; }
h1 { font-size: 1.25rem; margin: 0 0 .25rem; } h2 { font-size: 1.05rem; margin: 0 0 .75rem; }
.muted { color: var(--muted); } .price { font-size: 1.75rem; font-weight: 600; margin: .25rem 0; }
label { display: block; font-weight: 500; margin: .75rem 0 .25rem; }
input { width: 100%; padding: .6rem .7rem; font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--border); border-radius: 8px; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.row { display: flex; gap: .75rem; } .row > div { flex: 1; }
button { font: inherit; font-weight: 600; padding: .65rem 1rem; border-radius: 8px; border: 1px solid var(--accent); background: var(--accent); color: var(--accent-text); cursor: pointer; }
button.secondary { background: transparent; color: var(--text); border-color: var(--border); }
form.inline { display: inline; } .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
.full { width: 100%; margin-top: 1.25rem; }
a { color: var(--accent); }
.alert { background: var(--danger-bg); color: var(--danger); border-radius: 8px; padding: .75rem; margin: 1rem 0 0; }
.notice { background: var(--ok-bg); color: var(--ok); border-radius: 8px; padding: .75rem; margin: 0 0 1rem; }
.badge { display: inline-block; font-size: .8rem; padding: .1rem .5rem; border-radius: 999px; border: 1px solid var(--border); }
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--border); vertical-align: top; }
code { font-size: .85em; }
.test-mode { text-align: center; font-size: .8rem; color: var(--muted); margin: 1rem 0; }
`;

function layout(title: string, body: string, wide = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<!-- No icon: without this, browsers ask for /favicon.ico and log the emulator's 404 as an error. -->
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main${wide ? ' class="wide"' : ""}>
${body}
<p class="test-mode">Stripe emulator · test mode · no real payment is made</p>
</main>
</body>
</html>`;
}

function alert(message: string | undefined): string {
  return message ? `<p class="alert" role="alert">${escapeHtml(message)}</p>` : "";
}

/** The card fields shared by Checkout and the portal's "Update card" form. */
function cardFields(values: { name?: string; expiry?: string }): string {
  return `
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
<div class="row">
  <div>
    <label for="expiry">Expiry</label>
    <input id="expiry" name="expiry" autocomplete="cc-exp" placeholder="MM / YY" value="${escapeHtml(values.expiry ?? "")}" required>
  </div>
  <div>
    <label for="cvc">CVC</label>
    <input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123" required>
  </div>
</div>
<label for="name">Name on card</label>
<input id="name" name="name" autocomplete="cc-name" value="${escapeHtml(values.name ?? "")}" required>`;
}

export interface CheckoutPageData {
  action: string;
  productName: string;
  /** Cents per unit per interval. */
  unitAmount: number;
  currency: string;
  interval: string;
  quantity: number;
  /** The buyer's email when known; otherwise the page asks for it. */
  email: string | null;
  trialDays: number | null;
  cancelUrl: string | null;
  error?: string;
  values?: { name?: string; expiry?: string; email?: string };
}

/** The Checkout page: what is bought, for how much, and the card form ("Subscribe"). */
export function checkoutPage(data: CheckoutPageData): string {
  const unit = formatRecurring(data.unitAmount, data.currency, data.interval);
  const total = formatRecurring(data.unitAmount * data.quantity, data.currency, data.interval);
  const seats =
    data.quantity > 1
      ? `<p>${escapeHtml(unit)} × ${data.quantity} seats = <strong>${escapeHtml(total)}</strong></p>`
      : "";
  const trial = data.trialDays
    ? `<p>${data.trialDays}-day free trial, then ${escapeHtml(total)}. Due today: ${escapeHtml(formatCents(0, data.currency))}</p>`
    : "";
  const email = data.email
    ? `<p class="muted">Subscribing as <strong>${escapeHtml(data.email)}</strong></p>`
    : `<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(data.values?.email ?? "")}" required>`;
  const back = data.cancelUrl ? `<p><a href="${escapeHtml(data.cancelUrl)}">Back</a></p>` : "";
  return layout(
    `Subscribe to ${data.productName}`,
    `${back}
<section class="card" aria-labelledby="product">
  <h1 id="product">Subscribe to ${escapeHtml(data.productName)}</h1>
  <p class="price">${escapeHtml(unit)}</p>
  ${seats}${trial}
</section>
<section class="card" aria-labelledby="pay">
  <h2 id="pay">Pay with card</h2>
  <form method="post" action="${escapeHtml(data.action)}" novalidate>
    ${email}
    ${cardFields(data.values ?? {})}
    ${alert(data.error)}
    <button type="submit" class="full">Subscribe</button>
  </form>
</section>`,
  );
}

/** A page with one message and an optional link (completed or expired sessions, not found). */
export function messagePage(
  title: string,
  message: string,
  link?: { href: string; label: string },
): string {
  return layout(
    title,
    `<section class="card">
  <h1>${escapeHtml(title)}</h1>
  <p>${escapeHtml(message)}</p>
  ${link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : ""}
</section>`,
  );
}

export interface PortalPlanOption {
  priceId: string;
  /** "Switch to Team (monthly)". */
  label: string;
}

export interface PortalPageData {
  basePath: string;
  customerEmail: string | null;
  returnUrl: string | null;
  subscription: {
    productName: string;
    /** "$19.00 per month" (× quantity already applied). */
    priceText: string;
    quantity: number;
    status: string;
    /** "Renews on March 5, 2026" / "Cancels on …". */
    periodText: string;
    cancelAtPeriodEnd: boolean;
  } | null;
  /** "Visa •••• 4242", or null without a card. */
  cardText: string | null;
  options: PortalPlanOption[];
  notice?: string;
  error?: string;
}

/** The Customer Portal: the current plan, plan switches, cancel/resume, card update, return link. */
export function portalPage(data: PortalPageData): string {
  const returnLink = data.returnUrl
    ? `<p><a href="${escapeHtml(data.returnUrl)}">Return to app</a></p>`
    : "";
  const notice = data.notice
    ? `<p class="notice" role="status">${escapeHtml(data.notice)}</p>`
    : "";
  const who = data.customerEmail ? `<p class="muted">${escapeHtml(data.customerEmail)}</p>` : "";
  if (!data.subscription) {
    return layout(
      "Billing",
      `${returnLink}${notice}
<section class="card">
  <h1>Billing</h1>${who}
  <p>You have no active subscription.</p>
</section>`,
    );
  }
  const sub = data.subscription;
  const pastDue =
    sub.status === "past_due"
      ? `<p class="alert" role="alert">Your last payment failed. Update your card: the payment is retried automatically.</p>`
      : "";
  const switches = data.options
    .map(
      (
        option,
      ) => `<form class="inline" method="post" action="${escapeHtml(`${data.basePath}/switch`)}">
  <input type="hidden" name="price" value="${escapeHtml(option.priceId)}">
  <button type="submit" class="secondary">${escapeHtml(option.label)}</button>
</form>`,
    )
    .join("\n");
  const cancelOrResume = sub.cancelAtPeriodEnd
    ? `<form class="inline" method="post" action="${escapeHtml(`${data.basePath}/resume`)}"><button type="submit">Resume plan</button></form>`
    : `<form class="inline" method="post" action="${escapeHtml(`${data.basePath}/cancel`)}"><button type="submit" class="secondary">Cancel plan</button></form>`;
  return layout(
    "Billing",
    `${returnLink}${notice}
<section class="card" aria-labelledby="plan">
  <h1 id="plan">${escapeHtml(sub.productName)}</h1>${who}
  <p class="price">${escapeHtml(sub.priceText)}</p>
  ${sub.quantity > 1 ? `<p>${sub.quantity} seats</p>` : ""}
  <p><span class="badge">${escapeHtml(sub.status)}</span> ${escapeHtml(sub.periodText)}</p>
  ${pastDue}
  <div class="actions">
    ${switches}
    ${cancelOrResume}
  </div>
</section>
<section class="card" aria-labelledby="card">
  <h2 id="card">Payment method</h2>
  <p>${escapeHtml(data.cardText ?? "No card on file")}</p>
  <form method="post" action="${escapeHtml(`${data.basePath}/card`)}" novalidate>
    ${cardFields({})}
    ${alert(data.error)}
    <button type="submit" class="full">Update card</button>
  </form>
</section>`,
  );
}

export interface DashboardData {
  now: number;
  customers: { id: string; email: string | null; name: string | null }[];
  subscriptions: {
    id: string;
    customer: string;
    product: string;
    status: string;
    periodEnd: number;
    cancelAtPeriodEnd: boolean;
  }[];
  events: {
    id: string;
    type: string;
    created: number;
    delivery: string;
    attempts: { at: number; statusCode: number | null; error: string | null }[];
  }[];
  webhookUrl: string | null;
}

/** The developer dashboard: clock, customers, subscriptions, recent events, clock control. */
export function dashboardPage(data: DashboardData): string {
  const rows = <T>(items: T[], empty: string, columns: number, row: (item: T) => string) =>
    items.length === 0
      ? `<tr><td colspan="${columns}" class="muted">${escapeHtml(empty)}</td></tr>`
      : items.map(row).join("\n");
  const customers = rows(
    data.customers,
    "No customers yet.",
    3,
    (c) =>
      `<tr><td><code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(c.email ?? "")}</td><td>${escapeHtml(c.name ?? "")}</td></tr>`,
  );
  const subscriptions = rows(
    data.subscriptions,
    "No subscriptions yet.",
    5,
    (s) =>
      `<tr><td><code>${escapeHtml(s.id)}</code></td><td><code>${escapeHtml(s.customer)}</code></td><td>${escapeHtml(s.product)}</td><td>${escapeHtml(s.status)}${s.cancelAtPeriodEnd ? " (cancels at period end)" : ""}</td><td>${escapeHtml(formatDateTime(s.periodEnd))}</td></tr>`,
  );
  const events = rows(
    data.events,
    "No events yet.",
    4,
    (e) =>
      `<tr><td>${escapeHtml(formatDateTime(e.created))}</td><td>${escapeHtml(e.type)}<br><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.delivery)}</td><td>${escapeHtml(
        e.attempts
          .map((a) => `${a.statusCode ?? a.error ?? "error"} at ${formatDateTime(a.at)}`)
          .join("; ") || "—",
      )}</td></tr>`,
  );
  return layout(
    "Stripe emulator",
    `<section class="card" aria-labelledby="clock">
  <h1 id="clock">Stripe emulator</h1>
  <p>Clock: <strong>${escapeHtml(formatDateTime(data.now))}</strong></p>
  <p class="muted">Webhooks: ${escapeHtml(data.webhookUrl ?? "not sent (no webhook URL); events are only recorded")}</p>
  <form method="post" action="/_emulator/clock/advance">
    <label for="days">Advance the clock by (days)</label>
    <div class="row"><div><input id="days" name="days" type="number" min="0" step="1" value="31" required></div>
    <div><button type="submit">Advance clock</button></div></div>
  </form>
</section>
<section class="card" aria-labelledby="subs">
  <h2 id="subs">Subscriptions</h2>
  <table><thead><tr><th scope="col">Id</th><th scope="col">Customer</th><th scope="col">Plan</th><th scope="col">Status</th><th scope="col">Period end</th></tr></thead>
  <tbody>${subscriptions}</tbody></table>
</section>
<section class="card" aria-labelledby="customers">
  <h2 id="customers">Customers</h2>
  <table><thead><tr><th scope="col">Id</th><th scope="col">Email</th><th scope="col">Name</th></tr></thead>
  <tbody>${customers}</tbody></table>
</section>
<section class="card" aria-labelledby="events">
  <h2 id="events">Recent events</h2>
  <table><thead><tr><th scope="col">Created</th><th scope="col">Type</th><th scope="col">Delivery</th><th scope="col">Attempts</th></tr></thead>
  <tbody>${events}</tbody></table>
</section>`,
    true,
  );
}
