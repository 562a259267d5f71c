import {
  changePasswordInput,
  deleteAccountInput,
  emailInput,
  requestEmailChangeInput,
  resetPasswordInput,
  signUpInput,
  tokenInput,
  updateProfileInput,
  verifyEmailInput,
} from "@/schemas/account";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/init";
import { lucia } from "@/server/auth/lucia";
import { bindBrowser, bindingHashOf, blankBindingCookie } from "@/server/auth/sign-up-binding";
import * as accounts from "@/server/services/accounts";

/** Sign-up, verification, passwords, email and deletion of the user's own account. */
export const accountRouter = createTRPCRouter({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => {
    if (!ctx.auth) return null;
    const { id, name, email } = ctx.auth.user;
    return { id, name, email };
  }),

  /** Signs up; binds the emailed link to this browser (sets the sign-up cookie). */
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => {
    const binding = bindBrowser(ctx.headers);
    ctx.setCookie(binding.cookie);
    return accounts.signUp(input, ctx.meta, binding.hash);
  }),

  resendVerification: publicProcedure.input(emailInput).mutation(({ ctx, input }) => {
    const binding = bindBrowser(ctx.headers);
    ctx.setCookie(binding.cookie);
    return accounts.resendVerification(input.email, ctx.meta, binding.hash);
  }),

  /** What a sign-up link's page shows: `{ status: "pending" | "used", sameBrowser }`. */
  getVerification: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) =>
      accounts.getVerification(input.token, ctx.meta, bindingHashOf(ctx.headers)),
    ),

  /**
   * Verifies the email and signs the user in (a new session replaces any current one); the
   * sign-up cookie is cleared. `invitationPending`: the sign-up came from an invitation that
   * waits to be accepted.
   */
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(async ({ ctx, input }) => {
    const { session, user, invitationPending } = await accounts.verifyEmail(
      input,
      ctx.meta,
      bindingHashOf(ctx.headers),
    );
    if (ctx.auth) await lucia.invalidateSession(ctx.auth.session.id);
    ctx.setCookie(lucia.createSessionCookie(session.id));
    ctx.setCookie(blankBindingCookie());
    return { email: user.email, invitationPending };
  }),

  requestPasswordReset: publicProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => accounts.requestPasswordReset(input.email, ctx.meta)),

  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => accounts.resetPassword(input, ctx.meta)),

  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) =>
      accounts.changePassword({ userId: ctx.auth.user.id, sessionId: ctx.auth.sessionId }, input),
    ),

  /** Changes the signed-in user's name; returns `{ name }`. */
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => accounts.updateProfile({ userId: ctx.auth.user.id }, input)),

  requestEmailChange: protectedProcedure
    .input(requestEmailChangeInput)
    .mutation(({ ctx, input }) =>
      accounts.requestEmailChange({ userId: ctx.auth.user.id }, input, ctx.meta),
    ),

  /** What an email-change link would change: the signed-in account's name and email, and the new one. */
  getEmailChange: protectedProcedure
    .input(tokenInput)
    .query(({ ctx, input }) =>
      accounts.getEmailChange({ userId: ctx.auth.user.id }, input.token, ctx.meta),
    ),

  /** Confirms an email-change link: only the signed-in account that asked for it. */
  confirmEmailChange: protectedProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) =>
      accounts.confirmEmailChange({ userId: ctx.auth.user.id }, input.token, ctx.meta),
    ),

  /** Deletes the account and clears the session cookie. */
  delete: protectedProcedure.input(deleteAccountInput).mutation(async ({ ctx, input }) => {
    const result = await accounts.deleteAccount({ userId: ctx.auth.user.id }, input.password);
    ctx.setCookie(lucia.createBlankSessionCookie());
    return result;
  }),
});
