/**
 * The API's input and output types for the browser, inferred from `AppRouter` (type-only: no
 * server code is bundled). `RouterOutputs["project"]["list"]` is what `project.list` returns.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
