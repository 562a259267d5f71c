/** How workspace roles read in the UI: their labels and badge. */
import { Badge } from "@/components/ui/badge";
import type { Role } from "@/schemas/constants";

export const roleLabels: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};

/** The label of a role; tolerant of a plain string (some outputs type `role` as string). */
export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as Role] : role;
}

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={role === "owner" ? "amber" : role === "admin" ? "indigo" : "neutral"}>
      {roleLabels[role]}
    </Badge>
  );
}
