/**
 * `toast.success` / `toast.error`, as sonner's, with sonner's code loaded on the first toast
 * rather than in every form page's first load. Toasts follow an async action, so the few ms of
 * the first load go unseen; the toaster itself is mounted by the root layout (lazy-toaster.tsx).
 */
import type { toast as sonnerToast } from "sonner";

type Sonner = typeof sonnerToast;

const load = () => import("sonner").then((module) => module.toast);

export const toast = {
  success: (...args: Parameters<Sonner["success"]>): void => {
    void load().then((sonner) => sonner.success(...args));
  },
  error: (...args: Parameters<Sonner["error"]>): void => {
    void load().then((sonner) => sonner.error(...args));
  },
};
