/**
 * The landing page's feature sections: what the starter really does (README sections), as a grid
 * of cards and a three-step "how it works". Server components: no client JavaScript.
 */

/** One feature: a heading and a sentence or two, from the README's section of the same name. */
const FEATURES = [
  {
    title: "Typed from database to browser",
    body: "tRPC v11 routers call services that call Prisma 7 on PostgreSQL. The browser infers every type from the router: no hand-written API contract to drift.",
  },
  {
    title: "Workspaces, roles and invitations",
    body: "Teams with owner, admin and member roles, email invitations and per-workspace URLs. Every query of tenant data is scoped to its workspace.",
  },
  {
    title: "Billing that runs offline",
    body: "Stripe Checkout, monthly and yearly plans, per-seat pricing and verified webhooks. A local Stripe emulator runs the whole payment journey with no account.",
  },
  {
    title: "Accounts done properly",
    body: "Sign-up with email verification, password reset, sessions you can revoke, argon2id passwords and rate limits stored in PostgreSQL.",
  },
  {
    title: "Background jobs",
    body: "pg-boss queues on the same PostgreSQL: emails, exports and cleanups run with retries, and failed jobs can be retried from the console.",
  },
  {
    title: "Admin console and audit log",
    body: "Your staff search users, inspect workspaces and subscriptions, replay Stripe events and retry jobs. Every change is written to the audit log.",
  },
  {
    title: "Observability built in",
    body: "OpenTelemetry traces, Prometheus metrics, health checks for load balancers and error reporting to Sentry or any tracker.",
  },
  {
    title: "Secure by default",
    body: "A strict Content Security Policy on every page, same-origin checks on every change, and no secret or token ever written to logs.",
  },
  {
    title: "Runs on your laptop",
    body: "An embedded PostgreSQL starts with the app: no Docker, no network, no third-party accounts. One build is configured at run time for every environment.",
  },
] as const;

const STEPS = [
  { title: "Clone and run", body: "npm ci && npm run dev: the database is migrated and seeded." },
  {
    title: "Make it yours",
    body: "Set the brand, add a resource with one generator, change the plans in one file.",
  },
  {
    title: "Go live",
    body: "Point it at PostgreSQL and Stripe, scale out behind a load balancer.",
  },
] as const;

export function FeatureGrid() {
  return (
    <section id="features" aria-labelledby="features-heading" className="scroll-mt-8 space-y-10">
      <header className="mx-auto max-w-2xl space-y-3 text-center">
        <h2 id="features-heading" className="text-3xl font-bold tracking-tight">
          Everything a subscription product needs, already wired
        </h2>
        <p className="text-zinc-600 dark:text-zinc-400">
          The parts every SaaS rebuilds, built once, tested end to end and documented.
        </p>
      </header>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {FEATURES.map((feature) => (
          <li
            key={feature.title}
            className="rounded-xl border border-zinc-200 bg-white p-6 dark:border-zinc-800 dark:bg-zinc-900/60"
          >
            <span
              aria-hidden="true"
              className="mb-4 block size-8 rounded-lg bg-gradient-to-br from-indigo-400 to-indigo-700"
            />
            <h3 className="font-semibold">{feature.title}</h3>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{feature.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HowItWorks() {
  return (
    <section aria-labelledby="steps-heading" className="space-y-8">
      <h2 id="steps-heading" className="text-center text-3xl font-bold tracking-tight">
        From clone to first customer
      </h2>
      <ol className="grid gap-6 md:grid-cols-3">
        {STEPS.map((step, index) => (
          <li key={step.title} className="flex gap-4">
            <span
              aria-hidden="true"
              className="flex size-9 shrink-0 items-center justify-center rounded-full bg-indigo-600 font-semibold text-white"
            >
              {index + 1}
            </span>
            <div>
              <h3 className="font-semibold">{step.title}</h3>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
