/**
 * `npm run logs:check -- <log file>...`: fails when a server log holds a secret.
 *
 * Run after an e2e run whose server output was piped to a file. Each line is checked for the
 * shapes below; every hit prints one line, `<file>:<line>: <rule> (<masked excerpt>)`, and the
 * exit code is 1. The secret itself is never printed, only its first characters. A clean file
 * prints a one-line summary and exits 0; a missing file or argument exits 2.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

/** One secret shape. `pattern` must be global; its match is what gets masked in the report. */
interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
}

/**
 * The shapes looked for. The session cookie is `session` (`__Host-session` over https, see
 * src/server/auth/cookie.ts); `auth_session` is Lucia's default name, checked too. Lucia's session
 * ids are 40 characters; emailed tokens are 32 random bytes in base64url (src/server/auth/tokens.ts).
 */
export const RULES: readonly Rule[] = [
  {
    name: "session cookie value",
    pattern: /(?<![\w-])(?:__Host-|auth_)?session=[A-Za-z0-9_-]{40,}/g,
  },
  {
    name: "Set-Cookie header value",
    pattern: /set-cookie["']?\s*[:=]\s*\[?\s*["']?[\w.-]+=[^;\s"'\]]{20,}/gi,
  },
  { name: "emailed token", pattern: /token=[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { name: "Stripe secret", pattern: /\b(?:whsec|sk_test|sk_live|rk_test|rk_live)_[A-Za-z0-9]+/g },
  { name: "passwordHash field", pattern: /passwordHash/g },
  { name: "argon2 hash", pattern: /\$argon2id\$/g },
];

/** A secret found on one line. */
export interface Finding {
  readonly line: number;
  readonly rule: string;
  /** The match cut to its first characters, so the report itself does not leak it. */
  readonly excerpt: string;
}

/** `match` shown as its first 12 characters and an ellipsis (a secret value is cut short). */
function mask(match: string): string {
  return match.length > 12 ? `${match.slice(0, 12)}…` : match;
}

/** The findings on `text`, one line of a log numbered `line`. */
export function scanLine(text: string, line: number): Finding[] {
  const found: Finding[] = [];
  for (const rule of RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      found.push({ line, rule: rule.name, excerpt: mask(match[0]) });
    }
  }
  return found;
}

/** The findings in a whole log text. */
export function scanText(text: string): Finding[] {
  return text.split(/\r?\n/).flatMap((content, i) => scanLine(content, i + 1));
}

/** The report line of a finding. */
export function formatFinding(file: string, finding: Finding): string {
  return `${file}:${finding.line}: ${finding.rule} (${finding.excerpt})`;
}

/** Scans `file` line by line; prints the findings or a summary and returns the exit code. */
export async function checkLogFile(file: string): Promise<number> {
  let lines = 0;
  const findings: Finding[] = [];
  const input = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of input) {
    lines += 1;
    findings.push(...scanLine(text, lines));
  }
  for (const finding of findings) console.log(formatFinding(file, finding));
  if (findings.length > 0) {
    console.error(`logs:check: ${findings.length} secret(s) found in ${file} (${lines} lines).`);
    return 1;
  }
  console.log(`logs:check: ${file}: ${lines} lines, no secrets found.`);
  return 0;
}

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("Usage: npm run logs:check -- <log file>...");
    return 2;
  }
  let worst = 0;
  for (const file of files) {
    try {
      await access(file);
    } catch {
      console.error(`logs:check: cannot read ${file}`);
      return 2;
    }
    worst = Math.max(worst, await checkLogFile(file));
  }
  return worst;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
