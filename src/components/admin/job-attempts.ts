/**
 * How the jobs table words a job's attempts (counts from `admin.jobs.list`, which reads them off
 * pg-boss: src/server/services/admin/jobs.ts `attemptsOf`).
 */

const ordinalRules = new Intl.PluralRules("en", { type: "ordinal" });
const ordinalSuffix: Record<Intl.LDMLPluralRule, string> = {
  zero: "th",
  one: "st",
  two: "nd",
  few: "rd",
  many: "th",
  other: "th",
};

/** 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  return `${n}${ordinalSuffix[ordinalRules.select(n)]}`;
}

/**
 * What is true of a job's attempts, in its state's terms: "Not started" (no worker took it yet),
 * "Attempt 2 of 4" (running), "1st attempt" (completed: which attempt succeeded), "3 of 4
 * attempts" (failed, waiting to retry, cancelled).
 */
export function attemptsLabel(job: { state: string; attempts: number; maxAttempts: number }) {
  if (job.attempts === 0) return "Not started";
  if (job.state === "completed") return `${ordinal(job.attempts)} attempt`;
  if (job.state === "active") return `Attempt ${job.attempts} of ${job.maxAttempts}`;
  return `${job.attempts} of ${job.maxAttempts} ${job.maxAttempts === 1 ? "attempt" : "attempts"}`;
}
