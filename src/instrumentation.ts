/**
 * Runs once when the Next server starts (not during `next build`): validates the environment,
 * stopping the server with one message that lists every bad variable, then checks the database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    await import("@/env");
  } catch {
    process.exit(1); // src/env.ts has printed the list of invalid variables.
  }
  const { checkDatabaseOnStart } = await import("@/server/startup");
  await checkDatabaseOnStart();
}
