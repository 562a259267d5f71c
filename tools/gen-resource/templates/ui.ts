/**
 * The pages of a generated resource, after projects (src/app/(app)/w/[slug]/projects/page.tsx,
 * src/components/projects/): a server page that prefetches the first page, a client panel with
 * the create form and the list ("Load more"), and a row with edit (modal) and delete (confirm).
 */
import type { ResourceNames } from "../names";

/** src/app/(app)/w/[slug]/<plural>/page.tsx */
export const pageModule = ({
  noun,
  plural,
  Plural,
}: ResourceNames) => `import type { Metadata } from "next";
import { Suspense } from "react";
import { ${Plural}Panel } from "@/components/${plural}/${plural}-panel";
import { ListSkeleton } from "@/components/ui/skeleton";
import { HydrateClient, prefetchInfinite, trpc } from "@/trpc/server";
import { loadWorkspace } from "../load";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/${plural}">): Promise<Metadata> {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, \`/w/\${slug}/${plural}\`);
  return { title: \`${Plural} · \${workspace.name}\` };
}

export default async function ${Plural}Page({ params }: PageProps<"/w/[slug]/${plural}">) {
  const { slug } = await params;
  await loadWorkspace(slug, \`/w/\${slug}/${plural}\`);
  // The same input as the panel's query, so the client starts from this page.
  prefetchInfinite(
    trpc.${noun}.list.infiniteQueryOptions(
      { workspaceSlug: slug },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <Suspense fallback={<ListSkeleton label="Loading ${plural}" rows={4} />}>
        <${Plural}Panel slug={slug} />
      </Suspense>
    </HydrateClient>
  );
}
`;

/** src/components/<plural>/<plural>-panel.tsx */
export const panelModule = ({ noun, Noun, plural, Plural }: ResourceNames) => `"use client";
/**
 * /w/[slug]/${plural}: the create form (for members allowed "${plural}:write") and the list, newest
 * first, with cursor pagination ("Load more").
 */
import { zodResolver } from "@hookform/resolvers/zod";
import {
  useMutation,
  useQueryClient,
  useSuspenseInfiniteQuery,
  useSuspenseQuery,
} from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ${Noun}Row } from "@/components/${plural}/${noun}-row";
import { applyServerErrors } from "@/components/forms/server-errors";
import { toast } from "@/components/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/form-field";
import { allows } from "@/schemas/permissions";
import { create${Noun}Input } from "@/schemas/${noun}";
import { useTRPC } from "@/trpc/client";

function Create${Noun}Form({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const empty = { workspaceSlug: slug, name: "", description: "" };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({ resolver: zodResolver(create${Noun}Input), defaultValues: empty });
  const create = useMutation(
    trpc.${noun}.create.mutationOptions({
      onSuccess: (${noun}) => {
        reset(empty);
        toast.success(\`Created \${${noun}.name}.\`);
        return queryClient.invalidateQueries(trpc.${noun}.list.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name", "description"])),
    }),
  );
  return (
    <form
      noValidate
      aria-label="Create a ${noun}"
      className="space-y-4 rounded-xl border border-zinc-200 p-5 dark:border-zinc-800"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        create.mutate(values);
      })}
    >
      <h2 className="text-lg font-semibold">New ${noun}</h2>
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="${Noun} name" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Description (optional)"
          error={errors.description?.message}
          {...register("description")}
        />
      </div>
      <Button type="submit" pending={create.isPending} pendingText="Creating…">
        Create ${noun}
      </Button>
    </form>
  );
}

function ${Noun}List({ slug, canWrite }: { slug: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    trpc.${noun}.list.infiniteQueryOptions(
      { workspaceSlug: slug },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const ${plural} = data.pages.flatMap((page) => page.items);
  if (${plural}.length === 0) {
    return <EmptyState>No ${plural} yet{canWrite ? ": create the first one above." : "."}</EmptyState>;
  }
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {${plural}.map((${noun}) => (
          <${Noun}Row key={${noun}.id} slug={slug} ${noun}={${noun}} canWrite={canWrite} />
        ))}
      </ul>
      {hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            pending={isFetchingNextPage}
            pendingText="Loading…"
            onClick={() => void fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      )}
    </div>
  );
}

export function ${Plural}Panel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data: workspace } = useSuspenseQuery(
    trpc.workspace.get.queryOptions({ workspaceSlug: slug }),
  );
  const canWrite = allows(workspace, "${plural}:write");
  return (
    <div className="space-y-6">
      {canWrite && <Create${Noun}Form slug={slug} />}
      <section aria-labelledby="${plural}-heading" className="space-y-4">
        <h2 id="${plural}-heading" className="text-lg font-semibold">
          ${Plural}
        </h2>
        <${Noun}List slug={slug} canWrite={canWrite} />
      </section>
    </div>
  );
}
`;

/** src/components/<plural>/<noun>-row.tsx */
export const rowModule = ({ noun, Noun, plural }: ResourceNames) => `"use client";
/** One ${noun} of the list, with its actions for writers: edit (in a modal) and delete (confirmed). */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { applyServerErrors, errorMessage } from "@/components/forms/server-errors";
import { toast } from "@/components/toast";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateText } from "@/components/ui/date-text";
import { TextField } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { update${Noun}Input } from "@/schemas/${noun}";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type ${Noun} = RouterOutputs["${noun}"]["list"]["items"][number];

function Edit${Noun}Dialog({
  slug,
  ${noun},
  open,
  onOpenChange,
}: {
  slug: string;
  ${noun}: ${Noun};
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const values: z.input<typeof update${Noun}Input> = {
    workspaceSlug: slug,
    ${noun}Id: ${noun}.id,
    name: ${noun}.name,
    description: ${noun}.description,
  };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm({ resolver: zodResolver(update${Noun}Input), values });
  const update = useMutation(
    trpc.${noun}.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success(\`Saved \${saved.name}.\`);
        onOpenChange(false);
        return queryClient.invalidateQueries(trpc.${noun}.list.pathFilter());
      },
      onError: (error) => setFormError(applyServerErrors(setError, error, ["name", "description"])),
    }),
  );
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={\`Edit \${${noun}.name}\`}>
      <form
        noValidate
        aria-label="Edit ${noun}"
        className="space-y-4"
        onSubmit={handleSubmit((input) => {
          setFormError(null);
          update.mutate(input);
        })}
      >
        {formError && <Alert>{formError}</Alert>}
        <TextField label="${Noun} name" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Description"
          error={errors.description?.message}
          {...register("description")}
        />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            disabled={!isDirty}
            pending={update.isPending}
            pendingText="Saving…"
          >
            Save changes
          </Button>
        </div>
      </form>
    </Modal>
  );
}

export function ${Noun}Row({
  slug,
  ${noun},
  canWrite,
}: {
  slug: string;
  ${noun}: ${Noun};
  canWrite: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useMutation(
    trpc.${noun}.delete.mutationOptions({
      onSuccess: () => {
        setConfirmingDelete(false);
        toast.success(\`Deleted \${${noun}.name}.\`);
        return queryClient.invalidateQueries(trpc.${noun}.list.pathFilter());
      },
      onError: (error) => {
        setConfirmingDelete(false);
        toast.error(errorMessage(error));
      },
    }),
  );
  return (
    <li
      data-testid="${noun}-row"
      className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0 space-y-1">
        <p className="font-medium break-words">{${noun}.name}</p>
        {${noun}.description && (
          <p className="line-clamp-2 text-sm break-words text-zinc-600 dark:text-zinc-400">
            {${noun}.description}
          </p>
        )}
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          updated <DateText date={${noun}.updatedAt} />
        </p>
      </div>
      {canWrite && (
        <div className="flex shrink-0 items-center gap-2">
          <Button variant="ghost" onClick={() => setEditing(true)}>
            Edit<span className="sr-only"> {${noun}.name}</span>
          </Button>
          <Button variant="ghost" onClick={() => setConfirmingDelete(true)}>
            Delete<span className="sr-only"> {${noun}.name}</span>
          </Button>
          <Edit${Noun}Dialog slug={slug} ${noun}={${noun}} open={editing} onOpenChange={setEditing} />
          <ConfirmDialog
            open={confirmingDelete}
            title={\`Delete \${${noun}.name}?\`}
            confirmLabel="Delete ${noun}"
            pending={remove.isPending}
            pendingLabel="Deleting…"
            onConfirm={() => remove.mutate({ workspaceSlug: slug, ${noun}Id: ${noun}.id })}
            onClose={() => setConfirmingDelete(false)}
          >
            It is removed for everyone in the workspace (${plural} are shared). This cannot be undone.
          </ConfirmDialog>
        </div>
      )}
    </li>
  );
}
`;

/** e2e/<plural>.spec.ts */
export const e2eSpec = ({
  noun,
  Noun,
  plural,
  Plural,
}: ResourceNames) => `import { expect, test } from "./support/test";
import { clientIpHeader, signUpAndVerify } from "./support/accounts";

/** ${Plural} (written by \`npm run gen:resource\`): reached from the sidebar, created, edited, deleted. */

test.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

test("an owner creates, edits and deletes a ${noun} on the ${Plural} page", async ({ page }) => {
  await signUpAndVerify(page);
  await page.getByTestId("workspace-card").click();
  await expect(page).toHaveURL(/\\/w\\/[a-z0-9-]+$/);
  await page
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "${Plural}" })
    .click();
  await expect(page).toHaveURL(/\\/w\\/[a-z0-9-]+\\/${plural}$/);
  await expect(page.getByText("No ${plural} yet")).toBeVisible();

  const form = page.getByRole("form", { name: "Create a ${noun}" });
  await form.getByLabel("${Noun} name").fill("First ${noun}");
  await form.getByLabel("Description (optional)").fill("Written by the e2e spec");
  await form.getByRole("button", { name: "Create ${noun}" }).click();
  const rows = page.getByTestId("${noun}-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("First ${noun}");
  await expect(rows.first()).toContainText("Written by the e2e spec");

  await rows.first().getByRole("button", { name: "Edit First ${noun}" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit First ${noun}" });
  await dialog.getByLabel("${Noun} name").fill("Renamed ${noun}");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(rows.first()).toContainText("Renamed ${noun}");

  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Renamed ${noun}");

  await rows.first().getByRole("button", { name: "Delete Renamed ${noun}" }).click();
  await page.getByRole("button", { name: "Delete ${noun}", exact: true }).click();
  await expect(page.getByText("No ${plural} yet")).toBeVisible();
});
`;
