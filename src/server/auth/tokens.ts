/**
 * Random tokens for emailed links and their hashes at rest.
 * 32 random bytes (256 bits) → 43 base64url characters; stored as SHA-256 hex only
 * (OWASP Forgot Password Cheat Sheet: tokens random, single-use, stored hashed).
 */
import { createHash, randomBytes } from "node:crypto";

/** A new URL-safe token of 256 random bits (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 of a token, hex (64 characters): what the database stores instead of the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
