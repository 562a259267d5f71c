/**
 * The server side of a generated resource, after projects: its zod inputs
 * (src/schemas/project.ts), service (src/server/services/projects.ts) and router
 * (src/server/api/routers/project.ts).
 */
import type { ResourceNames } from "../names";

/** src/schemas/<noun>.ts */
export const schemaModule = ({ noun, Noun, plural, Plural }: ResourceNames) => `/**
 * Inputs of the ${noun} procedures, shared with the ${noun} forms.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { infiniteDirection, isWellFormedText, workspaceInput } from "@/schemas/workspace";

/** Most ${plural} one page may hold. */
export const ${noun.toUpperCase()}_PAGE_MAX = 50;

export const ${noun}NameSchema = z
  .string({ error: "Name is required." })
  .check(
    z.trim(),
    z.minLength(1, "Name is required."),
    z.maxLength(80, "Name is at most 80 characters."),
    z.refine(isWellFormedText, "Name contains an invalid character."),
  );

export const ${noun}DescriptionSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(2000, "Description is at most 2,000 characters."),
    z.refine(isWellFormedText, "Description contains an invalid character."),
  );

const ${noun}Id = z
  .string()
  .check(z.minLength(1, "${Noun} is required."), z.maxLength(64, "Unknown ${noun}."));

export const create${Noun}Input = z.extend(workspaceInput, {
  name: ${noun}NameSchema,
  description: z._default(${noun}DescriptionSchema, ""),
});

export const update${Noun}Input = z.extend(workspaceInput, {
  ${noun}Id,
  name: z.optional(${noun}NameSchema),
  description: z.optional(${noun}DescriptionSchema),
});

export const ${noun}IdInput = z.extend(workspaceInput, { ${noun}Id });

/** One page of the list, newest first: \`cursor\` is the previous page's \`nextCursor\`. */
export const list${Plural}Input = z.extend(workspaceInput, {
  cursor: z.nullish(z.string().check(z.maxLength(500, "This page link is invalid."))),
  direction: infiniteDirection,
  limit: z._default(
    z
      .number()
      .check(
        z.int("Page size must be a whole number."),
        z.gte(1, "Page size is at least 1."),
        z.lte(${noun.toUpperCase()}_PAGE_MAX, \`Page size is at most \${${noun.toUpperCase()}_PAGE_MAX}.\`),
      ),
    20,
  ),
});
`;

/** src/server/services/<plural>.ts */
export const serviceModule = ({ noun, Noun, plural, Plural }: ResourceNames) => `/**
 * ${Plural} of a workspace (written by \`npm run gen:resource\` after
 * src/server/services/projects.ts): every query is scoped by the workspace id, every change is
 * audited in its transaction, and the list is keyset (cursor) paginated, newest first.
 */
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { create${Noun}Input, list${Plural}Input, update${Noun}Input } from "@/schemas/${noun}";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";
import { type KeysetOrder, keysetPage, keysetQuery } from "@/server/pagination";
import { recordAudit } from "@/server/audit/log";
import type { WorkspaceScope } from "@/server/services/workspaces";

const ${noun}Fields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The list's order: newest first, then by id. */
const ${noun}Order: KeysetOrder<"createdAt"> = { field: "createdAt", dir: "desc", type: "date" };

/**
 * One page of the workspace's ${plural}: \`{ items, nextCursor }\` (null on the last page).
 * @throws DomainError BAD_REQUEST on "cursor" for a tampered cursor.
 */
export async function list${Plural}(
  scope: WorkspaceScope,
  input: Omit<z.output<typeof list${Plural}Input>, "workspaceSlug">,
) {
  const { where, orderBy, take } = keysetQuery<Prisma.${Noun}WhereInput>(
    ${noun}Order,
    input.cursor,
    input.limit,
  );
  const rows = await db.${noun}.findMany({
    where: { AND: [{ workspaceId: scope.workspace.id }, ...(where ? [where] : [])] },
    select: ${noun}Fields,
    orderBy,
    take,
  });
  return keysetPage(rows, ${noun}Order, input.limit);
}

/** Creates a ${noun} in the scope's workspace; audited as "${noun}.created". */
export function create${Noun}(
  scope: WorkspaceScope,
  input: Pick<z.output<typeof create${Noun}Input>, "name" | "description">,
) {
  const workspaceId = scope.workspace.id;
  return db.$transaction(async (tx) => {
    const ${noun} = await tx.${noun}.create({
      data: { workspaceId, name: input.name, description: input.description },
      select: ${noun}Fields,
    });
    await recordAudit(tx, {
      workspaceId,
      actorId: scope.actorId,
      action: "${noun}.created",
      targetType: "${noun}",
      targetId: ${noun}.id,
      metadata: { name: ${noun}.name },
    });
    return ${noun};
  });
}

/** The ${noun} \`id\` of the scope's workspace, inside \`tx\`. @throws DomainError NOT_FOUND. */
async function find${Noun}(tx: Prisma.TransactionClient, scope: WorkspaceScope, id: string) {
  const ${noun} = await tx.${noun}.findFirst({ where: { id, workspaceId: scope.workspace.id } });
  if (!${noun}) throw new DomainError("NOT_FOUND", "${Noun} not found.");
  return ${noun};
}

/**
 * Changes a ${noun}'s name or description; audited as "${noun}.updated" with the fields changed
 * (no entry when nothing changed).
 * @throws DomainError NOT_FOUND when the workspace has no such ${noun}.
 */
export function update${Noun}(
  scope: WorkspaceScope,
  input: Omit<z.output<typeof update${Noun}Input>, "workspaceSlug">,
) {
  const { ${noun}Id, ...changes } = input;
  return db.$transaction(async (tx) => {
    const before = await find${Noun}(tx, scope, ${noun}Id);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter(
      (key) => changes[key] !== undefined && changes[key] !== before[key],
    );
    if (changed.length === 0) {
      return tx.${noun}.findUniqueOrThrow({ where: { id: before.id }, select: ${noun}Fields });
    }
    // Scoped and counted: a concurrent delete makes this NOT_FOUND, not a 500.
    const { count } = await tx.${noun}.updateMany({
      where: { id: before.id, workspaceId: scope.workspace.id },
      data: changes,
    });
    if (count === 0) throw new DomainError("NOT_FOUND", "${Noun} not found.");
    const ${noun} = await tx.${noun}.findUniqueOrThrow({
      where: { id: before.id },
      select: ${noun}Fields,
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "${noun}.updated",
      targetType: "${noun}",
      targetId: ${noun}.id,
      metadata: { name: ${noun}.name, changed },
    });
    return ${noun};
  });
}

/**
 * Deletes a ${noun} of the workspace; audited as "${noun}.deleted".
 * @throws DomainError NOT_FOUND when the workspace has no such ${noun}.
 */
export function delete${Noun}(scope: WorkspaceScope, ${noun}Id: string) {
  return db.$transaction(async (tx) => {
    const ${noun} = await find${Noun}(tx, scope, ${noun}Id);
    // Counted: of two concurrent deletes, the second answers NOT_FOUND, not a 500.
    const { count } = await tx.${noun}.deleteMany({
      where: { id: ${noun}.id, workspaceId: scope.workspace.id },
    });
    if (count === 0) throw new DomainError("NOT_FOUND", "${Noun} not found.");
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      actorId: scope.actorId,
      action: "${noun}.deleted",
      targetType: "${noun}",
      targetId: ${noun}.id,
      metadata: { name: ${noun}.name },
    });
    return { id: ${noun}.id };
  });
}
`;

/** src/server/api/routers/<noun>.ts */
export const routerModule = ({ noun, Noun, plural, Plural }: ResourceNames) => `import {
  create${Noun}Input,
  list${Plural}Input,
  ${noun}IdInput,
  update${Noun}Input,
} from "@/schemas/${noun}";
import { createTRPCRouter, workspaceProcedure } from "@/server/api/init";
import { create${Noun}, delete${Noun}, list${Plural}, update${Noun} } from "@/server/services/${plural}";

/** A workspace's ${plural}: any member reads them; "${plural}:write" changes them. */
export const ${noun}Router = createTRPCRouter({
  /** One page: \`{ items, nextCursor }\`, newest first. */
  list: workspaceProcedure()
    .input(list${Plural}Input)
    .query(({ ctx, input }) => list${Plural}(ctx.scope, input)),

  create: workspaceProcedure("${plural}:write")
    .input(create${Noun}Input)
    .mutation(({ ctx, input }) => create${Noun}(ctx.scope, input)),

  /** Rename or describe. */
  update: workspaceProcedure("${plural}:write")
    .input(update${Noun}Input)
    .mutation(({ ctx, input }) =>
      update${Noun}(ctx.scope, {
        ${noun}Id: input.${noun}Id,
        name: input.name,
        description: input.description,
      }),
    ),

  delete: workspaceProcedure("${plural}:write")
    .input(${noun}IdInput)
    .mutation(({ ctx, input }) => delete${Noun}(ctx.scope, input.${noun}Id)),
});
`;
