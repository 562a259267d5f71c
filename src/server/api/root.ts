/**
 * The app's root router. `AppRouter` is the only type the client imports from the server: every
 * procedure's input and output types reach the browser by inference from it.
 */
import "server-only";
import { createCallerFactory, createTRPCRouter } from "@/server/api/init";
import { accountRouter } from "@/server/api/routers/account";
import { adminRouter } from "@/server/api/routers/admin";
import { activityRouter } from "@/server/api/routers/activity";
import { billingRouter } from "@/server/api/routers/billing";
import { dashboardRouter } from "@/server/api/routers/dashboard";
import { exportRouter } from "@/server/api/routers/export";
import { invitationRouter } from "@/server/api/routers/invitation";
import { onboardingRouter } from "@/server/api/routers/onboarding";
import { memberRouter } from "@/server/api/routers/member";
import { planRouter } from "@/server/api/routers/plan";
import { postRouter } from "@/server/api/routers/post";
import { projectRouter } from "@/server/api/routers/project";
import { projectImportRouter } from "@/server/api/routers/project-import";
import { sessionRouter } from "@/server/api/routers/session";
import { uploadRouter } from "@/server/api/routers/upload";
import { workspaceRouter } from "@/server/api/routers/workspace";
// gen:resource router imports

export const appRouter = createTRPCRouter({
  account: accountRouter,
  admin: adminRouter,
  activity: activityRouter,
  billing: billingRouter,
  dashboard: dashboardRouter,
  export: exportRouter,
  invitation: invitationRouter,
  member: memberRouter,
  onboarding: onboardingRouter,
  plan: planRouter,
  post: postRouter,
  project: projectRouter,
  projectImport: projectImportRouter,
  session: sessionRouter,
  upload: uploadRouter,
  workspace: workspaceRouter,
  // gen:resource routers
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (server components, tests): `createCaller(ctx).plan.list()`. */
export const createCaller = createCallerFactory(appRouter);
