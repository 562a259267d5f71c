/**
 * Lets the app's server modules load in a plain Node process (the job worker), outside Next.
 *
 * `import "server-only"` throws unless the "react-server" export condition is on. Turning that
 * condition on for the whole process (`tsx --conditions=react-server`) would also give `react`
 * and `react-dom/server` their React Server Components builds, in which `react-dom/server`
 * throws: the worker renders emails with React Email (src/server/mail/templates.tsx). So this
 * hook resolves `server-only` alone with that condition (to its empty module).
 */
import { registerHooks } from "node:module";

/** Registers the hook (Node ≥ 22.15 `module.registerHooks`); call before importing app code. */
export function allowServerOnlyOutsideNext(): void {
  registerHooks({
    resolve: (specifier, context, nextResolve) =>
      nextResolve(
        specifier,
        specifier === "server-only"
          ? { ...context, conditions: [...context.conditions, "react-server"] }
          : context,
      ),
  });
}
