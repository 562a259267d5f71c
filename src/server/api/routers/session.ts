import { revokeSessionInput, signInInput } from "@/schemas/account";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/api/init";
import { lucia } from "@/server/auth/lucia";
import { signIn } from "@/server/services/accounts";
import { listSessions, revokeOtherSessions, revokeSession } from "@/server/services/sessions";

/** Signing in and out, and the user's sessions on other devices. */
export const sessionRouter = createTRPCRouter({
  /** Starts a new session (sets the cookie); any current one ends (no session fixation). */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const { session, user } = await signIn(input, ctx.meta);
    if (ctx.auth) await lucia.invalidateSession(ctx.auth.session.id);
    ctx.setCookie(lucia.createSessionCookie(session.id));
    return { user };
  }),

  /** Ends the current session, if any, and clears the cookie. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.auth) await lucia.invalidateSession(ctx.auth.session.id);
    ctx.setCookie(lucia.createBlankSessionCookie());
    return { status: "signed-out" } as const;
  }),

  list: protectedProcedure.query(({ ctx }) => listSessions(ctx.auth.user.id, ctx.auth.sessionId)),

  revoke: protectedProcedure
    .input(revokeSessionInput)
    .mutation(({ ctx, input }) => revokeSession(ctx.auth.user.id, input.sessionId)),

  /** Signs out every other device. */
  revokeOthers: protectedProcedure.mutation(({ ctx }) =>
    revokeOtherSessions(ctx.auth.user.id, ctx.auth.sessionId),
  ),
});
