/** Runs once when the Next server starts; the work is Node-only (src/server/startup.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/server/startup");
    await onServerStart();
  }
}
