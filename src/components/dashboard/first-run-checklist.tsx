"use client";
/**
 * The overview's first-run checklist: create a project, invite a teammate, choose a plan, each
 * ticked from the workspace's data (`onboarding.checklist`), with a link to where it is done.
 * Hidden once every step is done or after "Dismiss" (stored on the user, so it stays hidden in
 * every workspace and on every device).
 */
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Check } from "lucide-react";
import type { Route } from "next";
import Link from "next/link";
import { toast } from "@/components/toast";
import { errorMessage } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { textLinkClass } from "@/components/ui/link";
import { useTRPC } from "@/trpc/client";

type Step = "createProject" | "inviteTeammate" | "choosePlan";

const STEPS: { step: Step; label: string; hint: string; path: string }[] = [
  {
    step: "createProject",
    label: "Create a project",
    hint: "Projects hold your team's work.",
    path: "/projects",
  },
  {
    step: "inviteTeammate",
    label: "Invite a teammate",
    hint: "Work together: invite by email.",
    path: "/members",
  },
  {
    step: "choosePlan",
    label: "Choose a plan",
    hint: "More projects, members and exports.",
    path: "/billing",
  },
];

export function FirstRunChecklist({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const checklistOptions = trpc.onboarding.checklist.queryOptions({ workspaceSlug: slug });
  const { data } = useSuspenseQuery(checklistOptions);
  const dismiss = useMutation(
    trpc.onboarding.dismissChecklist.mutationOptions({
      onSuccess: () => {
        toast.success("Checklist dismissed.");
        // Dismissal is per user: every workspace's checklist is now hidden.
        queryClient.setQueriesData<typeof data>(trpc.onboarding.checklist.pathFilter(), (old) =>
          old ? { ...old, dismissed: true } : old,
        );
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  const done = STEPS.filter(({ step }) => data.steps[step]).length;
  if (data.dismissed || done === STEPS.length) return null;

  return (
    <section
      aria-labelledby="checklist-heading"
      className="space-y-4 rounded-xl border border-indigo-200 bg-indigo-50/60 p-5 dark:border-indigo-900/60 dark:bg-indigo-950/20"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="checklist-heading" className="font-semibold">
            Get started
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="checklist-progress">
            {done} of {STEPS.length} done
          </p>
        </div>
        <Button
          variant="ghost"
          pending={dismiss.isPending}
          pendingText="Dismissing…"
          onClick={() => dismiss.mutate()}
        >
          Dismiss
        </Button>
      </div>
      <ol className="space-y-2">
        {STEPS.map(({ step, label, hint, path }) => {
          const complete = data.steps[step];
          return (
            <li
              key={step}
              data-testid={`checklist-${step}`}
              data-done={complete}
              className="flex items-start gap-3 text-sm"
            >
              <span
                aria-hidden="true"
                className={`mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border ${
                  complete
                    ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-500 dark:bg-indigo-500"
                    : "border-zinc-400 bg-white dark:border-zinc-600 dark:bg-zinc-900"
                }`}
              >
                {complete && <Check className="size-3.5" strokeWidth={3} />}
              </span>
              <span className="min-w-0">
                {complete ? (
                  <span className="text-zinc-500 line-through dark:text-zinc-400">{label}</span>
                ) : (
                  <Link href={`/w/${slug}${path}` as Route} className={textLinkClass}>
                    {label}
                  </Link>
                )}
                <span className="sr-only">{complete ? " (done)" : " (to do)"}</span>
                <span className="block text-zinc-600 dark:text-zinc-400">{hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
