import type { Metadata } from "next";
import { NoWorkspaceAccess } from "@/components/workspace/no-workspace-access";

export const metadata: Metadata = { title: "No access" };

/**
 * A /w/<slug> page the user may not see (`loadWorkspace` calls `notFound()`): an unknown slug and
 * a workspace they are not a member of look the same (404 either way).
 */
export default function WorkspaceNotFound() {
  return <NoWorkspaceAccess />;
}
