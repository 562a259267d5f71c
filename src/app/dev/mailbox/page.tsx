/**
 * The development outbox: every email the app "sent", newest first: its HTML as a recipient's
 * mail client shows it, next to its plain-text part with clickable links. Only when the outbox
 * transport is on (development and e2e); a 404 otherwise.
 *
 * The HTML is shown in a sandboxed `<iframe srcdoc>`: without `allow-scripts` and
 * `allow-same-origin` it runs no script and gets an opaque origin (no cookies, no access to this
 * page), and it inherits this page's CSP. `allow-popups` lets its links (target="_blank") open in
 * a new tab, outside the sandbox.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { isOutboxEnabled, listOutboxEmails } from "@/server/mail/outbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Mailbox (dev)", robots: { index: false } };

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** The text with its URLs as links (trailing punctuation stays text). */
function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, i) => {
    if (i % 2 === 0) return <Fragment key={i}>{part}</Fragment>;
    const [, url = part, trailing = ""] = /^(.*?)([.,;:!?)]*)$/.exec(part) ?? [];
    return (
      <Fragment key={i}>
        <a
          href={url}
          className="break-all text-indigo-600 underline underline-offset-2 dark:text-indigo-400"
        >
          {url}
        </a>
        {trailing}
      </Fragment>
    );
  });
}

export default async function MailboxPage() {
  if (!isOutboxEnabled()) notFound();
  const emails = await listOutboxEmails(50);
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-10 sm:px-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Mailbox</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Emails sent by the app in development, newest first. Nothing leaves this machine.
        </p>
      </header>
      {emails.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No emails yet.
        </p>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.id}>
              <article
                data-testid="email"
                data-to={email.to}
                aria-labelledby={`email-${email.id}`}
                className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800"
              >
                <header className="space-y-1">
                  <h2 id={`email-${email.id}`} className="font-semibold">
                    {email.subject}
                  </h2>
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    To <span className="font-medium">{email.to}</span> ·{" "}
                    <time dateTime={email.createdAt.toISOString()}>
                      {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                    </time>
                  </p>
                </header>
                <div className="grid gap-4 lg:grid-cols-2">
                  <section aria-label="HTML" className="space-y-2">
                    <h3 className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
                      HTML
                    </h3>
                    <iframe
                      title={`HTML of “${email.subject}”`}
                      srcDoc={email.html}
                      sandbox="allow-popups allow-popups-to-escape-sandbox"
                      referrerPolicy="no-referrer"
                      loading="lazy"
                      className="h-[38rem] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
                    />
                  </section>
                  <section aria-label="Plain text" className="min-w-0 space-y-2">
                    <h3 className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
                      Plain text
                    </h3>
                    <pre className="rounded-lg border border-zinc-200 p-3 font-sans text-sm break-words whitespace-pre-wrap dark:border-zinc-800">
                      <Linkified text={email.text} />
                    </pre>
                  </section>
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
