/**
 * Runs a script's main function and turns failures into one readable line (no stack trace unless
 * `DEBUG` is set). A database that cannot be reached is named by host and port.
 */
import { ZodError } from "zod";
import { describeConnectionFailure } from "../src/server/db-errors";

/** Exit code of a script that failed. */
const FAILURE = 1;

export function runScript(main: () => Promise<void>, connectionString?: () => string | undefined) {
  main().catch((error: unknown) => {
    const url = connectionString?.();
    const line =
      (url && describeConnectionFailure(error, url)) ||
      (error instanceof ZodError
        ? error.issues.map((issue) => issue.message).join("; ")
        : error instanceof Error
          ? error.message
          : String(error));
    console.error(`✖ ${line}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(FAILURE);
  });
}
