/**
 * The API's type for client code: `AppRouter`, from which components infer every procedure's
 * input and output (`inferRouterOutputs<AppRouter>`). Type-only, so no server code reaches the
 * browser through it; components import it from here, never from src/server (lint enforces).
 */
export type { AppRouter } from "@/server/api/root";
