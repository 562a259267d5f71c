/**
 * The limits of one request to the tRPC endpoint, in one place: the server enforces them
 * (src/app/api/trpc/[trpc]/route.ts) and the browser's batch link splits its batches to fit
 * (src/trpc/client.tsx). Plain numbers, no zod, so the client bundles nothing else.
 */

/**
 * Most procedure calls one batched request may carry. A batch over it answers 400 before any
 * procedure runs, so one request cannot fan out into hundreds of calls and SQL statements.
 * The browser's link sends more simultaneous calls as further requests, so pages never hit it.
 */
export const TRPC_MAX_BATCH_SIZE = 10;

/**
 * Largest request body (bytes) the endpoint reads: 1 MiB, Next.js's default `bodySizeLimit` for
 * Server Actions (https://nextjs.org/docs/app/api-reference/config/next-config-js/serverActions).
 * The largest legitimate body, a full batch of project updates with 2,000-character
 * descriptions, is far below it. A larger body answers 413 before it is parsed.
 */
export const TRPC_MAX_BODY_BYTES = 1024 * 1024;
