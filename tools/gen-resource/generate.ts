/**
 * Writes a resource after the projects example: new files from ./templates, insertions into
 * existing files at their `// gen:resource` markers (./templates/edits.ts), TypeScript formatted
 * with the repository's Prettier config. Everything is computed before anything is written, so a
 * refused name or a missing marker leaves the repository untouched.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrationTimestamp } from "@saas/local-postgres/migrate";
import * as prettier from "prettier";
import { insertAtAnchor } from "./anchors";
import type { ResourceNames } from "./names";
import { migrationSql } from "./templates/database";
import { insertions } from "./templates/edits";
import { routerModule, schemaModule, serviceModule } from "./templates/server";
import { serviceTest } from "./templates/service-test";
import { e2eSpec, pageModule, panelModule, rowModule } from "./templates/ui";

/** The files a resource adds, by path relative to the repository root. */
function newFiles(names: ResourceNames, migrationName: string): Record<string, string> {
  const { noun, plural } = names;
  return {
    [`prisma/migrations/${migrationName}/migration.sql`]: migrationSql(names),
    [`src/schemas/${noun}.ts`]: schemaModule(names),
    [`src/server/services/${plural}.ts`]: serviceModule(names),
    [`src/server/services/${plural}.test.ts`]: serviceTest(names),
    [`src/server/api/routers/${noun}.ts`]: routerModule(names),
    [`src/app/(app)/w/[slug]/${plural}/page.tsx`]: pageModule(names),
    [`src/components/${plural}/${plural}-panel.tsx`]: panelModule(names),
    [`src/components/${plural}/${noun}-row.tsx`]: rowModule(names),
    [`e2e/${plural}.spec.ts`]: e2eSpec(names),
  };
}

/**
 * Why `names` cannot be generated in `root`, or null: a model or table of that name (any
 * case), a router key, permission or audit action already taken, or a page or file in the way.
 */
function conflict(root: string, names: ResourceNames, files: string[]): string | null {
  const read = (file: string) => readFileSync(path.join(root, file), "utf8");
  const models = [...read("prisma/schema.prisma").matchAll(/^\s*(?:model|enum|view)\s+(\w+)/gm)];
  const taken = models.find(([, name]) => name!.toLowerCase() === names.Noun.toLowerCase());
  if (taken) return `prisma/schema.prisma already has ${taken[1]} (the table "${names.Noun}").`;
  if (new RegExp(`^\\s*${names.noun}:`, "m").test(read("src/server/api/root.ts"))) {
    return `the router "${names.noun}" already exists (src/server/api/root.ts).`;
  }
  if (read("src/schemas/permissions.ts").includes(`"${names.plural}:write"`)) {
    return `the permission "${names.plural}:write" already exists.`;
  }
  if (read("src/server/audit/actions.ts").includes(`"${names.noun}.`)) {
    return `audit actions "${names.noun}.*" already exist.`;
  }
  const pageDir = `src/app/(app)/w/[slug]/${names.plural}`;
  for (const file of [pageDir, `src/components/${names.plural}`, ...files]) {
    if (existsSync(path.join(root, file))) return `${file} already exists.`;
  }
  return null;
}

/**
 * `line` ("notes Note[]") with its name padded like the field above the marker, as
 * `prisma format` aligns a model's columns.
 */
function alignedField(source: string, anchor: string, line: string): string {
  const rows = source.split("\n");
  const above = rows[rows.findIndex((row) => row.trim() === `// gen:resource ${anchor}`) - 1];
  const width = /^\s*(\S+\s+)/.exec(above ?? "")?.[1]?.length ?? 0;
  const [name, ...rest] = line.split(" ");
  return `${name!.padEnd(width - 1)} ${rest.join(" ")}`;
}

async function formatted(root: string, file: string, text: string): Promise<string> {
  if (!/\.tsx?$/.test(file)) return text;
  const filepath = path.join(root, file);
  const config = await prettier.resolveConfig(filepath);
  return prettier.format(text, { ...config, filepath });
}

/**
 * Generates the resource `names` in the repository at `root`; `now` dates its migration.
 * Returns the files written and edited (relative paths).
 * @throws Error with one line saying why: a name already taken, a missing marker, a migration
 *   older than the latest one.
 */
export async function generateResource(
  root: string,
  names: ResourceNames,
  now = new Date(),
): Promise<{ written: string[]; edited: string[] }> {
  const migrations = readdirSync(path.join(root, "prisma/migrations")).filter((d) =>
    /^\d{14}_/.test(d),
  );
  const stamp = migrationTimestamp(now);
  const latest = migrations.sort().at(-1);
  if (latest && latest.slice(0, 14) >= stamp) {
    throw new Error(`the clock (${stamp}) is not after the latest migration ${latest}.`);
  }
  const files = newFiles(names, `${stamp}_add_${names.plural}`);
  const why = conflict(root, names, Object.keys(files));
  if (why) throw new Error(why);

  const edits = new Map<string, string>();
  for (const { file, anchor, lines } of insertions(names)) {
    const source = edits.get(file) ?? readFileSync(path.join(root, file), "utf8");
    const text = anchor === "workspace relations" ? alignedField(source, anchor, lines) : lines;
    edits.set(file, insertAtAnchor(source, anchor, text, file));
  }
  const output = new Map<string, string>();
  for (const [file, text] of [...Object.entries(files), ...edits]) {
    output.set(file, await formatted(root, file, text));
  }
  for (const [file, text] of output) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return { written: Object.keys(files), edited: [...edits.keys()] };
}
