/**
 * Helpers of the admin console's tests: its procedures called as a given session, a signed-in
 * staff member, and the audit rows of an action.
 */
import { TRPCError } from "@trpc/server";
import { createCallerFactory, createTRPCContext, createTRPCRouter } from "@/server/api/init";
import { adminRouter } from "@/server/api/routers/admin";
import { db } from "@/server/db";
import { requestHeaders, signedInUser } from "@/test/trpc";

const createCaller = createCallerFactory(createTRPCRouter({ admin: adminRouter }));

/** The admin procedures as called with `token`'s session (anonymous without one). */
export async function adminApi(token?: string) {
  const ctx = await createTRPCContext({
    headers: requestHeaders(token),
    resHeaders: new Headers(),
  });
  return createCaller(ctx).admin;
}

/** A signed-in staff member (isAdmin) and their admin procedures. */
export async function signedInAdmin(email = "root@example.com") {
  const signed = await signedInUser(email);
  await db.user.update({ where: { id: signed.user.id }, data: { isAdmin: true } });
  return { ...signed, api: await adminApi(signed.token) };
}

/** "ok", or the tRPC error code the call was refused with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The audit log rows of `action`. */
export const auditRows = (action: string) => db.auditLog.findMany({ where: { action } });
