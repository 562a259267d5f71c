/** The workspace components' data, as the API returns it (inferred from `AppRouter`). */
import type { RouterOutputs } from "@/trpc/types";

export type WorkspaceDetails = RouterOutputs["workspace"]["get"];
export type Member = RouterOutputs["member"]["list"][number];
export type Invitation = RouterOutputs["invitation"]["list"][number];
export type MyInvitation = RouterOutputs["invitation"]["listMine"][number];
