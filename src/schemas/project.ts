/**
 * Inputs of the project procedures, shared with the project forms and the list's URL.
 */
import * as z from "zod/mini";
import "@/schemas/locale";
import { projectSortKeys, projectStatuses } from "@/schemas/constants";
import { infiniteDirection, isWellFormedText, workspaceInput } from "@/schemas/workspace";

export {
  projectSortKeys,
  projectStatuses,
  type ProjectSortKey,
  type ProjectStatus,
} from "@/schemas/constants";

/** Most projects one page may hold. */
export const PROJECT_PAGE_MAX = 50;

export const projectNameSchema = z
  .string({ error: "Name is required." })
  .check(
    z.trim(),
    z.minLength(1, "Name is required."),
    z.maxLength(80, "Name is at most 80 characters."),
    z.refine(isWellFormedText, "Name contains an invalid character."),
  );

export const projectDescriptionSchema = z
  .string()
  .check(
    z.trim(),
    z.maxLength(2000, "Description is at most 2,000 characters."),
    z.refine(isWellFormedText, "Description contains an invalid character."),
  );

export const projectStatusSchema = z.enum(projectStatuses, {
  error: "Status must be active, paused or archived.",
});

const projectId = z
  .string()
  .check(z.minLength(1, "Project is required."), z.maxLength(64, "Unknown project."));

export const createProjectInput = z.extend(workspaceInput, {
  name: projectNameSchema,
  description: z._default(projectDescriptionSchema, ""),
});

export const updateProjectInput = z.extend(workspaceInput, {
  projectId,
  name: z.optional(projectNameSchema),
  description: z.optional(projectDescriptionSchema),
  status: z.optional(projectStatusSchema),
});

export const projectIdInput = z.extend(workspaceInput, { projectId });

/**
 * The list's view: filters, sort and page. Without `status`, archived projects are left out.
 * `q` matches name or description, case-insensitive, literally (no wildcards).
 */
export const listProjectsInput = z.extend(workspaceInput, {
  status: z.optional(projectStatusSchema),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100, "Search is at most 100 characters."))),
  sort: z._default(
    z.enum(projectSortKeys, { error: "Sort by updatedAt, createdAt or name." }),
    "updatedAt",
  ),
  dir: z._default(z.enum(["asc", "desc"], { error: "Direction must be asc or desc." }), "desc"),
  cursor: z.nullish(z.string().check(z.maxLength(500, "This page link is invalid."))),
  direction: infiniteDirection,
  limit: z._default(
    z
      .number()
      .check(
        z.int("Page size must be a whole number."),
        z.gte(1, "Page size is at least 1."),
        z.lte(PROJECT_PAGE_MAX, `Page size is at most ${PROJECT_PAGE_MAX}.`),
      ),
    20,
  ),
});
export type ListProjectsInput = z.input<typeof listProjectsInput>;
