/**
 * Enforcing the role → permission table of src/schemas/permissions.ts (the one source, shared
 * with the browser). Procedures name the permission they need (`workspaceProcedure(...)` in
 * src/server/api/init.ts).
 */
import type { Role } from "@/generated/prisma/enums";
import { can, type Permission } from "@/schemas/permissions";
import { DomainError } from "@/server/errors";

/**
 * @throws DomainError FORBIDDEN, naming the role and the permission, unless `role` grants
 *   `permission`.
 */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new DomainError("FORBIDDEN", `Your role (${role}) does not allow this (${permission}).`);
  }
}
