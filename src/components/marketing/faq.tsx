/**
 * The landing page's frequently asked questions: native `<details>`/`<summary>` disclosures, so
 * they open with the keyboard and screen readers announce them with no JavaScript at all.
 */

const QUESTIONS = [
  {
    question: "Do I need Docker, a database server or a Stripe account to try it?",
    answer:
      "No. With no DATABASE_URL an embedded PostgreSQL starts with the app, and with no Stripe key a local Stripe emulator serves checkout and webhooks. Everything runs offline.",
  },
  {
    question: "Can I change the plans and prices?",
    answer:
      "Yes: the plans live in one file. The pricing page, the billing page, the entitlements and the prices created in Stripe are all read from it.",
  },
  {
    question: "How do payments work in production?",
    answer:
      "Set your Stripe keys and price ids. Checkout, the customer portal and signed webhooks work unchanged; each event is stored once and replayable from the admin console.",
  },
  {
    question: "Is it ready for more than one server?",
    answer:
      "Yes. Sessions, rate limits, the webhook inbox and the job queue all live in PostgreSQL, so app instances and workers scale out behind a load balancer.",
  },
  {
    question: "Can I cancel or change plans at any time?",
    answer:
      "Yes. From the billing page, workspace owners open Stripe's customer portal to change plan or cancel; a cancelled plan stays active until the paid period ends.",
  },
] as const;

export function Faq() {
  return (
    <section
      id="faq"
      aria-labelledby="faq-heading"
      className="mx-auto max-w-3xl scroll-mt-8 space-y-6"
    >
      <h2 id="faq-heading" className="text-center text-3xl font-bold tracking-tight">
        Frequently asked questions
      </h2>
      <div className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {QUESTIONS.map((item) => (
          <details key={item.question} className="group px-5 py-4">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
              {item.question}
              <span
                aria-hidden="true"
                className="text-xl leading-none text-zinc-500 transition-transform group-open:rotate-45"
              >
                +
              </span>
            </summary>
            <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{item.answer}</p>
          </details>
        ))}
      </div>
    </section>
  );
}
