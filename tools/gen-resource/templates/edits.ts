/**
 * What a generated resource adds to existing files, each at its `// gen:resource <anchor>`
 * marker (see ../anchors.ts).
 */
import type { ResourceNames } from "../names";
import { prismaModel, workspaceRelation } from "./database";

/** An insertion: `lines` go above the marker `// gen:resource <anchor>` of `file`. */
export interface Insertion {
  file: string;
  anchor: string;
  lines: string;
}

/** Every insertion for `names`, in the files' order. */
export function insertions(names: ResourceNames): Insertion[] {
  const { noun, plural, Plural } = names;
  const permission = `${plural}:write`;
  return [
    {
      file: "prisma/schema.prisma",
      anchor: "workspace relations",
      lines: workspaceRelation(names),
    },
    { file: "prisma/schema.prisma", anchor: "models", lines: `${prismaModel(names).trim()}\n\n` },
    {
      file: "src/server/api/root.ts",
      anchor: "router imports",
      lines: `import { ${noun}Router } from "@/server/api/routers/${noun}";`,
    },
    { file: "src/server/api/root.ts", anchor: "routers", lines: `${noun}: ${noun}Router,` },
    { file: "src/schemas/permissions.ts", anchor: "permissions", lines: `"${permission}",` },
    { file: "src/schemas/permissions.ts", anchor: "member permissions", lines: `"${permission}",` },
    { file: "src/server/audit/log.ts", anchor: "audit target types", lines: `"${noun}",` },
    {
      file: "src/server/audit/actions.ts",
      anchor: "audit actions",
      lines: ["created", "updated", "deleted"]
        .map(
          (verb) => `"${noun}.${verb}": { summary: (e) => \`${verb} \${named("${noun}")(e)}\` },`,
        )
        .join("\n"),
    },
    {
      file: "src/test/procedures.ts",
      anchor: "sample rows",
      lines: `${noun}: (client, workspaceId, index) =>
  client.${noun}.create({ data: { workspaceId, name: \`Sample ${noun} \${index}\` } }),`,
    },
    {
      file: "src/test/procedures.ts",
      anchor: "procedures",
      lines: `"${noun}.list": {
  kind: "query",
  policy: { kind: "workspace" },
  input: (f) => ({ workspaceSlug: f.slug }),
},
"${noun}.create": {
  kind: "mutation",
  policy: { kind: "workspace", permission: "${permission}" },
  input: (f) => ({ workspaceSlug: f.slug, name: "Sample" }),
},
"${noun}.update": {
  kind: "mutation",
  policy: { kind: "workspace", permission: "${permission}" },
  input: (f) => ({ workspaceSlug: f.slug, ${noun}Id: f.rows.${noun}, name: "Renamed" }),
},
"${noun}.delete": {
  kind: "mutation",
  policy: { kind: "workspace", permission: "${permission}" },
  input: (f) => ({ workspaceSlug: f.slug, ${noun}Id: f.rows.${noun} }),
},`,
    },
    {
      file: "src/components/shell/sidebar-nav.tsx",
      anchor: "sidebar",
      lines: `{ href: \`\${base}/${plural}\`, label: "${Plural}" },`,
    },
  ];
}
