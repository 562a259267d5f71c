import {
  acceptInvitationInput,
  createInvitationInput,
  declineInvitationInput,
  invitationIdInput,
  invitationTokenInput,
  workspaceInput,
} from "@/schemas/workspace";
import {
  createTRPCRouter,
  protectedProcedure,
  publicProcedure,
  workspaceProcedure,
} from "@/server/api/init";
import * as invitations from "@/server/services/invitations";

/** Invitations to a workspace: managed by its admins, accepted by the invited address. */
export const invitationRouter = createTRPCRouter({
  list: workspaceProcedure("members:invite")
    .input(workspaceInput)
    .query(({ ctx }) => invitations.listInvitations(ctx.scope)),

  create: workspaceProcedure("members:invite")
    .input(createInvitationInput)
    .mutation(({ ctx, input }) =>
      invitations.createInvitation(ctx.scope, { email: input.email, role: input.role }),
    ),

  resend: workspaceProcedure("members:invite")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => invitations.resendInvitation(ctx.scope, input.invitationId)),

  revoke: workspaceProcedure("members:invite")
    .input(invitationIdInput)
    .mutation(({ ctx, input }) => invitations.revokeInvitation(ctx.scope, input.invitationId)),

  /** The invitation behind an emailed link (public: its landing page works signed out). */
  get: publicProcedure
    .input(invitationTokenInput)
    .query(({ input }) => invitations.getInvitationByToken(input.token)),

  /** Pending invitations to the signed-in user's address. */
  listMine: protectedProcedure.query(({ ctx }) =>
    invitations.listMyInvitations(ctx.auth.user.email),
  ),

  accept: protectedProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => invitations.acceptInvitation(ctx.auth.user, input.invitationId)),

  /** Declines an invitation to the signed-in user's address (audited in its workspace). */
  decline: protectedProcedure
    .input(declineInvitationInput)
    .mutation(({ ctx, input }) => invitations.declineInvitation(ctx.auth.user, input.invitationId)),
});
