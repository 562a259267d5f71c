/**
 * Inputs of the project procedures, shared with the project forms and the list's URL.
 */
import { z } from "zod";
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
  .trim()
  .min(1, "Name is required.")
  .max(80, "Name is at most 80 characters.")
  .refine(isWellFormedText, "Name contains an invalid character.");

export const projectDescriptionSchema = z
  .string()
  .trim()
  .max(2000, "Description is at most 2,000 characters.")
  .refine(isWellFormedText, "Description contains an invalid character.");

export const projectStatusSchema = z.enum(projectStatuses, {
  error: "Status must be active, paused or archived.",
});

export const createProjectInput = workspaceInput.extend({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
});

export const updateProjectInput = workspaceInput.extend({
  projectId: z.string().min(1, "Project is required.").max(64, "Unknown project."),
  name: projectNameSchema.optional(),
  description: projectDescriptionSchema.optional(),
  status: projectStatusSchema.optional(),
});

export const projectIdInput = workspaceInput.extend({
  projectId: z.string().min(1, "Project is required.").max(64, "Unknown project."),
});

/**
 * The list's view: filters, sort and page. Without `status`, archived projects are left out.
 * `q` matches name or description, case-insensitive, literally (no wildcards).
 */
export const listProjectsInput = workspaceInput.extend({
  status: projectStatusSchema.optional(),
  q: z.string().trim().max(100, "Search is at most 100 characters.").optional(),
  sort: z
    .enum(projectSortKeys, { error: "Sort by updatedAt, createdAt or name." })
    .default("updatedAt"),
  dir: z.enum(["asc", "desc"], { error: "Direction must be asc or desc." }).default("desc"),
  cursor: z.string().max(500, "This page link is invalid.").nullish(),
  direction: infiniteDirection,
  limit: z
    .number()
    .int("Page size must be a whole number.")
    .min(1, "Page size is at least 1.")
    .max(PROJECT_PAGE_MAX, `Page size is at most ${PROJECT_PAGE_MAX}.`)
    .default(20),
});
export type ListProjectsInput = z.input<typeof listProjectsInput>;
