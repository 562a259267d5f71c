/**
 * The worker side of `npm run bench:import` (scripts/bench-import.ts): runs one started project
 * import with the job's own code (`runImport`, as the `import-projects` job does) in this
 * process, sampling its resident set size every 50 ms, and prints one JSON line:
 * `{ rows, ms, peakRssBytes, startRssBytes, result }`.
 * Usage: tsx scripts/bench/import-worker.ts <importId> (DATABASE_URL and STORAGE_LOCAL_DIR set).
 */
import { allowServerOnlyOutsideNext } from "../../tools/server-only-outside-next";

allowServerOnlyOutsideNext();

const importId = process.argv[2];
if (!importId) throw new Error("usage: import-worker.ts <importId>");

const { runImport } = await import("../../src/server/imports/run");
const { db } = await import("../../src/server/db");

global.gc?.();
const startRssBytes = process.memoryUsage().rss;
let peakRssBytes = startRssBytes;
const sampler = setInterval(() => {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
}, 50);
const started = performance.now();
const result = await runImport(importId);
const ms = performance.now() - started;
clearInterval(sampler);
peakRssBytes = Math.max(peakRssBytes, process.memoryUsage().rss);
const row = await db.projectImport.findUniqueOrThrow({ where: { id: importId } });
console.log(JSON.stringify({ rows: row.total, ms, peakRssBytes, startRssBytes, result }));
await db.$disconnect();
process.exit(0);
