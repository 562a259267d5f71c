/**
 * Inputs of the account and session procedures, shared by the procedures and their forms.
 * Messages name the field and the rule; they are shown next to the field.
 */
import * as z from "zod/mini";
import "@/schemas/locale";

/** An email address, trimmed and lower-cased (addresses are compared case-insensitively). */
export const emailSchema = z.pipe(
  z
    .string({ error: "Email is required." })
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, "Email is required."),
      z.maxLength(254, "Email is at most 254 characters."),
    ),
  z.email("Enter a valid email address."),
);

/** A new password: 8 to 128 characters (OWASP ASVS 2.1.1 and 2.1.2). */
export const newPasswordSchema = z
  .string({ error: "Password is required." })
  .check(
    z.minLength(8, "Password must be at least 8 characters."),
    z.maxLength(128, "Password is at most 128 characters."),
  );

/** A password typed to prove who you are: any non-empty string up to 128 characters. */
export const currentPasswordSchema = z
  .string({ error: "Password is required." })
  .check(
    z.minLength(1, "Password is required."),
    z.maxLength(128, "Password is at most 128 characters."),
  );

/** A person's name: trimmed, 1 to 100 characters. */
export const nameSchema = z
  .string({ error: "Name is required." })
  .check(
    z.trim(),
    z.minLength(1, "Name is required."),
    z.maxLength(100, "Name is at most 100 characters."),
  );

/** A token from an emailed link (base64url, 43 characters for 32 random bytes). */
export const emailTokenSchema = z
  .string({ error: "The link is incomplete." })
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This link is invalid. Request a new one."));

/** Signing up; `invitationToken` when it starts from an invitation link (no personal workspace then). */
export const signUpInput = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  invitationToken: z.optional(emailTokenSchema),
});

export const signInInput = z.strictObject({
  email: emailSchema,
  password: currentPasswordSchema,
});

export const emailInput = z.strictObject({ email: emailSchema });

export const tokenInput = z.strictObject({ token: emailTokenSchema });

/**
 * Confirming a sign-up: the emailed token and the password chosen at that sign-up; the password
 * may be left out in the browser that signed up (src/server/auth/sign-up-binding.ts).
 */
export const verifyEmailInput = z.strictObject({
  token: emailTokenSchema,
  password: z.optional(currentPasswordSchema),
});

export const resetPasswordInput = z.strictObject({
  token: emailTokenSchema,
  password: newPasswordSchema,
});

export const changePasswordInput = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});

export const requestEmailChangeInput = z.strictObject({
  newEmail: emailSchema,
  password: currentPasswordSchema,
});

/** The user's own profile: the name shown to teammates and in emails. */
export const updateProfileInput = z.strictObject({ name: nameSchema });

export const deleteAccountInput = z.strictObject({ password: currentPasswordSchema });

/** A session's public id (the SHA-256 of its token, hex). */
export const revokeSessionInput = z.strictObject({
  sessionId: z.string().check(z.regex(/^[0-9a-f]{64}$/, "Unknown session.")),
});
