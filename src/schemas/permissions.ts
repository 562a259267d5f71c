/**
 * What each workspace role may do: the one place that decides, with no server-only imports, so
 * the server (`workspaceProcedure(...)` in src/server/api/init.ts, src/server/auth/permissions.ts)
 * and the browser (showing only what will work) read the same table.
 */
import type { Role } from "@/schemas/constants";

export const permissions = [
  "workspace:update",
  "workspace:delete",
  "workspace:transfer",
  "members:invite",
  "members:manage",
  "billing:manage",
  "projects:write",
  // gen:resource permissions
] as const;

export type Permission = (typeof permissions)[number];

const MEMBER: readonly Permission[] = [
  "projects:write",
  // gen:resource member permissions
];
const ADMIN: readonly Permission[] = [
  ...MEMBER,
  "members:invite",
  "members:manage",
  "billing:manage",
];
const OWNER: readonly Permission[] = permissions;

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: OWNER,
  admin: ADMIN,
  member: MEMBER,
};

/** True when `role` grants `permission`. Every member may read the workspace and its members. */
export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/**
 * True when the caller's permissions, as `workspace.get` returns them (`permissions`), include
 * `permission`: what the UI asks before showing a control.
 */
export function allows(
  workspace: { permissions: readonly string[] },
  permission: Permission,
): boolean {
  return workspace.permissions.includes(permission);
}
