/**
 * What each workspace role may do: the one place that decides. Procedures name the permission
 * they need (`workspaceProcedure(...)` in src/server/api/init.ts); the UI reads the caller's list
 * from `workspace.get` to show only what will work.
 */
import type { Role } from "@/generated/prisma/enums";
import { DomainError } from "@/server/errors";

export const permissions = [
  "workspace:update",
  "workspace:delete",
  "workspace:transfer",
  "members:invite",
  "members:manage",
  "billing:manage",
  "projects:write",
] as const;

export type Permission = (typeof permissions)[number];

const MEMBER: readonly Permission[] = ["projects:write"];
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
 * @throws DomainError FORBIDDEN, naming the role and the permission, unless `role` grants
 *   `permission`.
 */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new DomainError("FORBIDDEN", `Your role (${role}) does not allow this (${permission}).`);
  }
}
