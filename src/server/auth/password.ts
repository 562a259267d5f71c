/**
 * Password hashing with argon2id at OWASP's minimum parameters (argon2-options.ts): m = 19 MiB, t = 2,
 * p = 1 (OWASP Password Storage Cheat Sheet). `@node-rs/argon2` ships prebuilt binaries and
 * uses argon2id by default; hashes are PHC strings carrying their own parameters and salt.
 */
import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "@/server/auth/argon2-options";

/** The argon2id PHC string of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** True when `password` matches `passwordHash`; false for a mismatch or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification and returns false: used when no account matches, so
 * response times do not reveal which emails have an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-real-password");
  await verifyPassword(await dummyHash, password);
  return false;
}
