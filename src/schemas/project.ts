/**
 * Inputs of the project procedures, shared with the project forms.
 */
import { z } from "zod";
import { workspaceInput } from "@/schemas/workspace";

export const projectNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(80, "Name is at most 80 characters.");

export const projectDescriptionSchema = z
  .string()
  .trim()
  .max(2000, "Description is at most 2,000 characters.");

export const createProjectInput = workspaceInput.extend({
  name: projectNameSchema,
  description: projectDescriptionSchema.default(""),
});

export const projectIdInput = workspaceInput.extend({
  projectId: z.string().min(1, "Project is required.").max(64, "Unknown project."),
});
