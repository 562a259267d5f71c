/**
 * `adminProcedure`: a procedure of the admin console (`/admin`), for staff only (`User.isAdmin`,
 * granted by `npm run admin:grant -- <email>`, never through the UI). Signed out → UNAUTHORIZED
 * (as every protected procedure); signed in but not an admin (or disabled) → NOT_FOUND, so the
 * console's existence is not revealed. The flag is read from the database on every call, so a
 * revoked admin loses access at once.
 *
 * `editorProcedure`: a procedure of the blog and changelog editor (/admin/posts), for editors
 * (`User.isEditor`, `npm run admin:grant -- --role editor <email>`) and admins; same answers.
 */
import "server-only";
import { TRPCError } from "@trpc/server";
import { protectedProcedure } from "@/server/api/init";
import { db } from "@/server/db";

/** True when `userId` is an enabled admin. */
export async function isAdmin(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, disabledAt: true },
  });
  return Boolean(user?.isAdmin && !user.disabledAt);
}

export const adminProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!(await isAdmin(ctx.auth.user.id))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  }
  return next({ ctx: { ...ctx, adminId: ctx.auth.user.id } });
});

/** True when `userId` is an enabled editor or admin (both may edit posts). */
export async function isEditor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, isEditor: true, disabledAt: true },
  });
  return Boolean(user && (user.isAdmin || user.isEditor) && !user.disabledAt);
}

export const editorProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!(await isEditor(ctx.auth.user.id))) {
    throw new TRPCError({ code: "NOT_FOUND", message: "Not found." });
  }
  return next({ ctx: { ...ctx, editorId: ctx.auth.user.id } });
});
