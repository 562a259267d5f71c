/**
 * The argon2id parameters of every password hash: OWASP's minimum, m = 19 MiB (19456 KiB), t = 2,
 * p = 1 (OWASP Password Storage Cheat Sheet). A module of its own, free of "server-only", so the
 * seeds (prisma/demo.ts, the bench) hash exactly as the app verifies.
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
