"use client";
/**
 * Upload of an avatar (account settings) or a workspace logo (workspace settings): drop a picture
 * on the zone or pick one, see it at once (local preview), then it goes straight to storage with
 * the presigned POST (`upload.createAvatar` / `upload.createLogo`), is checked (`upload.complete`)
 * and processed in the background while `upload.status` is polled: processing → done (the page's
 * server-rendered pictures refresh) or failed with the reason. Types and size are checked here
 * first for a quick answer; the server checks again from the bytes.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ImageUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "@/components/toast";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { formatBytes, PICTURE_MAX_BYTES, PICTURE_TYPES } from "@/schemas/upload";
import { useTRPC } from "@/trpc/client";

export type PictureTarget = { kind: "avatar" } | { kind: "logo"; workspaceSlug: string };

type Phase =
  | { step: "idle" }
  | { step: "uploading"; preview: string }
  | { step: "processing"; preview: string; uploadId: string }
  | { step: "failed"; preview: string | null; error: string };

const POLL_MS = 1000;

export function PictureUpload({
  target,
  name,
  currentUrl,
}: {
  target: PictureTarget;
  /** The person's or workspace's name, for the initials and labels. */
  name: string;
  /** The current picture (256 px), null when there is none. */
  currentUrl: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  /** Server-rendered pictures (the shell) and the workspace queries (logo) show the change. */
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
    router.refresh();
  };
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [dragging, setDragging] = useState(false);
  const noun = target.kind === "avatar" ? "avatar" : "logo";

  const createAvatar = useMutation(trpc.upload.createAvatar.mutationOptions());
  const createLogo = useMutation(trpc.upload.createLogo.mutationOptions());
  const complete = useMutation(trpc.upload.complete.mutationOptions());
  const removed = {
    onSuccess: () => {
      toast.success(`The ${noun} is removed.`);
      refresh();
    },
    onError: (error: { message: string }) => toast.error(error.message),
  };
  const removeAvatar = useMutation(trpc.upload.removeAvatar.mutationOptions(removed));
  const removeLogo = useMutation(trpc.upload.removeLogo.mutationOptions(removed));
  const uploadId = phase.step === "processing" ? phase.uploadId : "";
  const status = useQuery({
    ...trpc.upload.status.queryOptions({ uploadId }),
    enabled: phase.step === "processing",
    refetchInterval: (query) =>
      !query.state.data || query.state.data.status === "processing" ? POLL_MS : false,
  });
  /** What the job made of the upload being processed (undefined while it works). */
  const outcome =
    phase.step === "processing" && status.data && status.data.status !== "processing"
      ? status.data
      : undefined;

  useEffect(() => {
    if (outcome?.status === "ready") {
      toast.success(`Your ${noun} is updated.`);
      refresh();
    }
  }, [outcome?.status, outcome?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- once per finished upload

  async function send(file: File) {
    if (!PICTURE_TYPES.includes(file.type)) {
      setPhase({
        step: "failed",
        preview: null,
        error: "Choose a PNG, JPEG, WebP, GIF or AVIF image.",
      });
      return;
    }
    if (file.size > PICTURE_MAX_BYTES) {
      setPhase({
        step: "failed",
        preview: null,
        error: `The picture is ${formatBytes(file.size)}; at most ${formatBytes(PICTURE_MAX_BYTES)} is accepted.`,
      });
      return;
    }
    // A data: URL rather than a blob: one: the page's CSP allows data: images and no blob: fetch.
    const preview = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => resolve("");
      reader.readAsDataURL(file);
    });
    setPhase({ step: "uploading", preview });
    try {
      const details = { fileName: file.name || "picture", contentType: file.type, size: file.size };
      const upload =
        target.kind === "avatar"
          ? await createAvatar.mutateAsync(details)
          : await createLogo.mutateAsync({ workspaceSlug: target.workspaceSlug, ...details });
      const form = new FormData();
      for (const [field, value] of Object.entries(upload.fields)) form.append(field, value);
      form.append("file", file);
      const stored = await fetch(upload.url, { method: "POST", body: form });
      if (!stored.ok) throw new Error(`Storage refused the file (HTTP ${stored.status}).`);
      const state = await complete.mutateAsync({ uploadId: upload.uploadId });
      if (state.status === "failed") {
        setPhase({ step: "failed", preview, error: state.error ?? "The file was refused." });
      } else {
        setPhase({ step: "processing", preview, uploadId: upload.uploadId });
      }
    } catch (error) {
      setPhase({
        step: "failed",
        preview,
        error: error instanceof Error ? error.message : "The upload failed.",
      });
    }
  }

  function pick(files: FileList | null) {
    const file = files?.[0];
    if (file) void send(file);
    if (inputRef.current) inputRef.current.value = "";
  }

  const busy = phase.step === "uploading" || (phase.step === "processing" && !outcome);
  // A refused file is not shown (it may not even be an image): the current picture stays.
  const shown =
    phase.step === "idle" || phase.step === "failed" || outcome?.status === "failed"
      ? currentUrl
      : phase.preview;
  const failure =
    phase.step === "failed"
      ? phase.error
      : outcome?.status === "failed"
        ? (outcome.error ?? "Processing failed.")
        : null;
  const settled = phase.step === "idle" || outcome?.status === "ready";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-4">
        <div className="relative">
          <Avatar name={name} src={shown} size="lg" square={target.kind === "logo"} />
          {busy && (
            <span className="absolute inset-0 flex items-center justify-center rounded-full bg-black/40 text-xs font-medium text-white">
              …
            </span>
          )}
        </div>
        <label
          htmlFor={inputId}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            if (!busy) pick(event.dataTransfer.files);
          }}
          data-testid={`${noun}-dropzone`}
          className={`flex min-h-20 min-w-0 flex-1 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border-2 border-dashed px-4 py-3 text-center text-sm focus-within:outline-2 focus-within:outline-indigo-600 sm:max-w-sm ${
            dragging
              ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40"
              : "border-zinc-300 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-600"
          } ${busy ? "pointer-events-none opacity-60" : ""}`}
        >
          <ImageUp aria-hidden="true" className="size-5 text-zinc-500" />
          <span className="font-medium">
            Drop a picture here or{" "}
            <span className="text-indigo-600 underline dark:text-indigo-400">choose a file</span>
          </span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            PNG, JPEG, WebP, GIF or AVIF, up to {formatBytes(PICTURE_MAX_BYTES)}
          </span>
          <input
            id={inputId}
            ref={inputRef}
            type="file"
            accept={PICTURE_TYPES.join(",")}
            className="sr-only"
            disabled={busy}
            aria-label={`Upload a new ${noun}`}
            onChange={(event) => pick(event.target.files)}
          />
        </label>
      </div>
      <div aria-live="polite" className="text-sm">
        {phase.step === "uploading" && <p>Uploading…</p>}
        {busy && phase.step === "processing" && (
          <p data-testid={`${noun}-processing`}>Processing…</p>
        )}
        {outcome?.status === "ready" && <p data-testid={`${noun}-done`}>Done.</p>}
      </div>
      {failure && <Alert>{failure}</Alert>}
      {currentUrl && settled && (
        <Button
          variant="secondary"
          pending={removeAvatar.isPending || removeLogo.isPending}
          pendingText="Removing…"
          onClick={() =>
            target.kind === "avatar"
              ? removeAvatar.mutate()
              : removeLogo.mutate({ workspaceSlug: target.workspaceSlug })
          }
        >
          Remove {noun}
        </Button>
      )}
    </div>
  );
}
