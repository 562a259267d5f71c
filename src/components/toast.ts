/**
 * `toast.success` / `toast.error`, as sonner's, with sonner's code loaded on the first toast
 * rather than in every form page's first load. Toasts follow an async action, so the few ms of
 * the first load go unseen; the toaster itself is mounted by the root layout (lazy-toaster.tsx).
 */
import type { toast as sonnerToast } from "sonner";

type Sonner = typeof sonnerToast;

// A toast whose code cannot load is reported, not thrown: the action it reports has happened.
const load = () =>
  import("sonner").then(
    (module) => module.toast,
    (error: unknown) => {
      console.error("Could not load the toaster.", error);
      return null;
    },
  );

/** `toast.success`, `toast.info` and `toast.error` (message, options?); they return nothing. */
export const toast = {
  success: (...args: Parameters<Sonner["success"]>): void => {
    void load().then((sonner) => sonner?.success(...args));
  },
  info: (...args: Parameters<Sonner["info"]>): void => {
    void load().then((sonner) => sonner?.info(...args));
  },
  error: (...args: Parameters<Sonner["error"]>): void => {
    void load().then((sonner) => sonner?.error(...args));
  },
};
