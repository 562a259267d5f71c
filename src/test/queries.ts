/**
 * Counts the SQL statements Prisma sends while `fn` runs (through the query events of the test
 * client, src/test/setup.ts): `const { result, queries } = await countQueries(() => getX())`.
 * Run nothing else concurrently meanwhile.
 */
import { db } from "@/server/db";

let counting = false;
let count = 0;
(db as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
  if (counting) count += 1;
});

export async function countQueries<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; queries: number }> {
  count = 0;
  counting = true;
  try {
    const result = await fn();
    return { result, queries: count };
  } finally {
    counting = false;
  }
}
