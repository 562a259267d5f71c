/**
 * The API's types for client code: `AppRouter`, and the input and output of every procedure
 * inferred from it (`RouterOutputs["project"]["list"]` is what `project.list` returns). Type-only,
 * so no server code reaches the browser through it; components import these from here, never
 * from src/server (lint enforces).
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type { AppRouter };
export type RouterOutputs = inferRouterOutputs<AppRouter>;
