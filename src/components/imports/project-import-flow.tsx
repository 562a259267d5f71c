"use client";
/**
 * Importing projects from CSV, in three steps on one page:
 * 1. source: a file (uploaded straight to storage with the presigned POST, with upload progress)
 *    or pasted text;
 * 2. map and preview: the delimiter (detected, changeable), the column of each field (guessed
 *    from the headers, changeable) and the first rows with each field's error next to it;
 * 3. run: the job's progress (rows done / total, polled every second), then the summary with the
 *    failed rows' CSV link. Its id is in the URL (`?import=`), so a reload shows it again.
 * Below, the workspace's recent imports.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { countOf } from "@/components/format/plural";
import { errorMessage } from "@/components/forms/server-errors";
import { toast } from "@/components/toast";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateText } from "@/components/ui/date-text";
import { Label } from "@/components/ui/label";
import { textLinkClass } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { Select } from "@/components/ui/select";
import { ListSkeleton } from "@/components/ui/skeleton";
import {
  DELIMITER_NAMES,
  IMPORT_DELIMITERS,
  IMPORT_FIELD_INFO,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_PASTE_BYTES,
  type ImportDelimiter,
  type ImportMapping,
} from "@/schemas/project-import";
import { useTRPC } from "@/trpc/client";
import type { RouterOutputs } from "@/trpc/types";

type ImportItem = RouterOutputs["projectImport"]["get"];

/** How often a running import is refetched, in ms. */
const POLL_MS = 1_000;
const isRunning = (status: ImportItem["status"]) => status === "pending" || status === "processing";

/** "812 bytes", "45.2 kB", "12.5 MB" (decimal units, as file managers show them). */
function fileSize(bytes: number): string {
  const format = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (bytes < 1_000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${format(bytes / 1_000)} kB`;
  return `${format(bytes / 1_000_000)} MB`;
}

/** POSTs `file` to a presigned form, reporting progress (0-1). @throws Error when refused. */
function uploadTo(
  upload: { url: string; fields: Record<string, string> },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [key, value] of Object.entries(upload.fields)) form.append(key, value);
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", upload.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status < 300
        ? resolve()
        : reject(new Error(`The upload was refused (HTTP ${request.status}).`));
    request.onerror = () => reject(new Error("The upload failed: check your connection."));
    request.send(form);
  });
}

function SourceStep({ slug, onReady }: { slug: string; onReady: (importId: string) => void }) {
  const trpc = useTRPC();
  const fileId = useId();
  const textId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.projectImport.create.mutationOptions());
  const busy = create.isPending || progress !== null;

  const pick = (picked: File | undefined) => {
    setError(null);
    if (!picked) return setFile(null);
    if (picked.size > IMPORT_MAX_BYTES)
      return setError(`The file is larger than ${fileSize(IMPORT_MAX_BYTES)}.`);
    setFile(picked);
  };

  const submit = async () => {
    setError(null);
    try {
      if (file) {
        const { id, upload } = await create.mutateAsync({
          workspaceSlug: slug,
          source: { kind: "upload", fileName: file.name, size: file.size },
        });
        setProgress(0);
        await uploadTo(upload!, file, setProgress);
        onReady(id);
      } else {
        const { id } = await create.mutateAsync({
          workspaceSlug: slug,
          source: { kind: "paste", text },
        });
        onReady(id);
      }
    } catch (caught) {
      setError(
        caught instanceof Error && !("data" in caught) ? caught.message : errorMessage(caught),
      );
    } finally {
      setProgress(null);
    }
  };

  return (
    <Section
      id="import-source-heading"
      title="1. Choose the data"
      description="A CSV file with a header row: comma, semicolon or tab separated, UTF-8. Or paste the rows."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setDragging(false);
            pick(event.dataTransfer.files[0]);
          }}
          className={`rounded-xl border border-dashed p-4 text-sm ${
            dragging
              ? "border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40"
              : "border-zinc-300 dark:border-zinc-700"
          }`}
        >
          <Label htmlFor={fileId}>CSV file</Label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={busy}
            onChange={(event) => pick(event.target.files?.[0])}
            className="mt-2 block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium dark:text-zinc-300 dark:file:bg-zinc-800 dark:file:text-zinc-100"
          />
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            Or drop it here. At most {fileSize(IMPORT_MAX_BYTES)}.
          </p>
        </div>
        {!file && (
          <div className="space-y-1">
            <Label htmlFor={textId}>Or paste CSV text</Label>
            <textarea
              id={textId}
              value={text}
              disabled={busy}
              onChange={(event) => setText(event.target.value)}
              rows={5}
              placeholder={"name,description\nApollo,The first one"}
              className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 focus-visible:border-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              At most {IMPORT_MAX_PASTE_BYTES / 1000} kB; upload a file for more.
            </p>
          </div>
        )}
        {progress !== null && (
          <progress
            aria-label="Upload progress"
            className="h-2 w-full accent-indigo-600"
            max={1}
            value={progress}
          />
        )}
        {error && <Alert>{error}</Alert>}
        <Button
          type="submit"
          pending={busy}
          pendingText={progress !== null ? "Uploading…" : "Reading…"}
          disabled={!file && text.trim() === ""}
        >
          Continue
        </Button>
      </form>
    </Section>
  );
}

function MapStep({
  slug,
  importId,
  onStarted,
  onBack,
}: {
  slug: string;
  importId: string;
  onStarted: (importId: string) => void;
  onBack: () => void;
}) {
  const trpc = useTRPC();
  const delimiterId = useId();
  const [delimiter, setDelimiter] = useState<ImportDelimiter | undefined>();
  const [mapping, setMapping] = useState<ImportMapping | undefined>();
  const preview = useQuery({
    ...trpc.projectImport.preview.queryOptions({
      workspaceSlug: slug,
      importId,
      delimiter,
      mapping,
    }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const start = useMutation(
    trpc.projectImport.start.mutationOptions({
      onSuccess: (started) => {
        toast.success("Import started.");
        onStarted(started.id);
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
  if (preview.isPending) return <ListSkeleton label="Reading the file" rows={3} />;
  if (preview.isError) {
    return (
      <div className="space-y-4">
        <Alert>{errorMessage(preview.error)}</Alert>
        <Button variant="secondary" onClick={onBack}>
          Choose another file
        </Button>
      </div>
    );
  }
  const data = preview.data;
  const currentMapping: ImportMapping = mapping ?? data.mapping;
  const badRows = data.rows.filter((row) => Object.keys(row.errors).length > 0).length;
  const blocked = Object.keys(data.problems).length > 0;
  return (
    <Section
      id="import-map-heading"
      title="2. Map columns and check"
      layout="stacked"
      description={
        <>
          {data.fileName} · {fileSize(data.size)} ·{" "}
          {countOf(data.header.length, "column", "columns")}
        </>
      }
    >
      <div className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="space-y-1">
            <Label htmlFor={delimiterId}>Delimiter</Label>
            <Select
              id={delimiterId}
              value={data.delimiter}
              onChange={(event) => {
                setDelimiter(event.target.value as ImportDelimiter);
                setMapping(undefined);
              }}
            >
              {IMPORT_DELIMITERS.map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_NAMES[d]}
                </option>
              ))}
            </Select>
          </div>
          {IMPORT_FIELDS.map((field) => (
            <FieldMapping
              key={field}
              field={field}
              header={data.header}
              value={currentMapping[field]}
              error={data.problems[field]}
              onChange={(value) => setMapping({ ...currentMapping, [field]: value })}
            />
          ))}
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">
            Preview of the first {countOf(data.rows.length, "row", "rows")}
          </h3>
          {badRows > 0 ? (
            <Alert tone="info">
              {countOf(badRows, "row has", "rows have")} errors: such rows are not imported, and are
              listed with the reason in a file you can download at the end.
            </Alert>
          ) : null}
          {data.rows.length === 0 ? (
            <Alert tone="info">The file has a header row but no data rows.</Alert>
          ) : (
            <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
              <table className="w-full table-fixed text-left text-sm">
                <thead className="bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="w-14 px-3 py-2 font-medium">
                      Line
                    </th>
                    {IMPORT_FIELDS.map((field) => (
                      <th key={field} scope="col" className="px-3 py-2 font-medium">
                        {IMPORT_FIELD_INFO[field].label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {data.rows.map((row) => (
                    <tr
                      key={row.line}
                      data-testid="preview-row"
                      className={
                        Object.keys(row.errors).length > 0 ? "bg-red-50/60 dark:bg-red-950/30" : ""
                      }
                    >
                      <td className="px-3 py-2 align-top text-zinc-500 tabular-nums dark:text-zinc-400">
                        {row.line}
                      </td>
                      {IMPORT_FIELDS.map((field) => {
                        const error = row.errors[field];
                        return (
                          <td key={field} className="px-3 py-2 align-top [overflow-wrap:anywhere]">
                            <span
                              className={
                                row.values[field] ? "" : "text-zinc-400 dark:text-zinc-500"
                              }
                            >
                              {row.values[field] ? truncate(row.values[field]) : "(empty)"}
                            </span>
                            {error && (
                              <span
                                data-testid={`error-${field}`}
                                className="mt-1 block text-xs text-red-700 dark:text-red-400"
                              >
                                {error}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button
            pending={start.isPending}
            pendingText="Starting…"
            disabled={blocked || preview.isFetching}
            onClick={() =>
              start.mutate({
                workspaceSlug: slug,
                importId,
                delimiter: data.delimiter,
                mapping: currentMapping,
              })
            }
          >
            Import projects
          </Button>
          <Button variant="secondary" onClick={onBack} disabled={start.isPending}>
            Choose another file
          </Button>
        </div>
      </div>
    </Section>
  );
}

const truncate = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

function FieldMapping({
  field,
  header,
  value,
  error,
  onChange,
}: {
  field: (typeof IMPORT_FIELDS)[number];
  header: string[];
  value: string | null;
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const id = useId();
  const info = IMPORT_FIELD_INFO[field];
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>
        {info.label} column{info.required ? "" : " (optional)"}
      </Label>
      <Select
        id={id}
        value={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{info.required ? "Choose a column" : "Don't import"}</option>
        {header.map((h, i) =>
          h ? (
            <option key={`${h}-${i}`} value={h}>
              {h}
            </option>
          ) : null,
        )}
      </Select>
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function StatusBadge({ status }: { status: ImportItem["status"] }) {
  switch (status) {
    case "draft":
      return <Badge>Not started</Badge>;
    case "pending":
      return <Badge>Waiting…</Badge>;
    case "processing":
      return <Badge tone="indigo">Importing…</Badge>;
    case "done":
      return <Badge tone="emerald">Done</Badge>;
    case "stopped":
      return <Badge tone="amber">Stopped at the plan limit</Badge>;
    case "failed":
      return <Badge tone="amber">Failed</Badge>;
  }
}

function RunStep({
  slug,
  importId,
  onAgain,
}: {
  slug: string;
  importId: string;
  onAgain: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    ...trpc.projectImport.get.queryOptions({ workspaceSlug: slug, importId }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      if (status && isRunning(status)) return POLL_MS;
      if (status) void queryClient.invalidateQueries(trpc.projectImport.list.pathFilter());
      return false;
    },
  });
  if (error) return <Alert>{errorMessage(error)}</Alert>;
  if (!data) return <ListSkeleton label="Loading the import" rows={2} />;
  const running = isRunning(data.status);
  const percent = data.total ? Math.floor((data.done / data.total) * 100) : 0;
  return (
    <Section
      id="import-run-heading"
      title={running ? "3. Importing" : "3. Summary"}
      layout="stacked"
      actions={<StatusBadge status={data.status} />}
      description={data.fileName}
    >
      <div className="space-y-4" aria-live="polite">
        {running ? (
          <div className="space-y-2">
            <progress
              aria-label="Import progress"
              className="h-2 w-full accent-indigo-600"
              max={data.total ?? 1}
              value={data.total ? data.done : 0}
            />
            <p
              className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400"
              data-testid="import-progress"
            >
              {data.total === null
                ? "Counting rows…"
                : `${data.done.toLocaleString("en-US")} of ${countOf(data.total, "row", "rows")} (${percent}%)`}
            </p>
          </div>
        ) : (
          <>
            {data.error && <Alert>{data.error}</Alert>}
            <dl className="grid grid-cols-3 gap-3" data-testid="import-summary">
              {(
                [
                  ["Created", data.created],
                  ["Skipped", data.skipped],
                  ["Failed", data.failed],
                ] as const
              ).map(([label, value]) => (
                <div
                  key={label}
                  className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
                >
                  <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums">
                    {value.toLocaleString("en-US")}
                  </dd>
                </div>
              ))}
            </dl>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Skipped rows are duplicates. {data.duplicatePolicy}
            </p>
            {data.failedRowsUrl && (
              <p className="text-sm">
                <a href={data.failedRowsUrl} download className={textLinkClass}>
                  Download the {countOf(data.failed, "failed row", "failed rows")} (CSV, with the
                  reason)
                </a>
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={onAgain}>
                Import another file
              </Button>
              <Link
                href={`/w/${slug}/projects` as Route}
                className={`self-center text-sm ${textLinkClass}`}
              >
                Go to projects
              </Link>
            </div>
          </>
        )}
      </div>
    </Section>
  );
}

function RecentImports({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useQuery({
    ...trpc.projectImport.list.queryOptions({ workspaceSlug: slug }),
    // Kept current while an import runs (e.g. one started in another tab).
    refetchInterval: (query) =>
      query.state.data?.some((item) => isRunning(item.status)) ? POLL_MS : false,
  });
  if (!data || data.length === 0) return null;
  return (
    <Section id="import-recent-heading" title="Recent imports" layout="stacked">
      <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {data.map((item) => (
          <li
            key={item.id}
            className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="min-w-0">
              <p className="truncate text-sm font-medium">{item.fileName}</p>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                <DateText date={item.createdAt} /> · {item.created.toLocaleString("en-US")} created,{" "}
                {item.skipped.toLocaleString("en-US")} skipped,{" "}
                {item.failed.toLocaleString("en-US")} failed
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-3">
              <StatusBadge status={item.status} />
              <Link href={`?import=${item.id}` as Route} className={`text-sm ${textLinkClass}`}>
                View
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ProjectImportFlow({ slug }: { slug: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const running = useSearchParams().get("import");
  const [draft, setDraft] = useState<string | null>(null);
  const show = (importId: string | null) => {
    setDraft(null);
    router.replace((importId ? `${pathname}?import=${importId}` : pathname) as Route, {
      scroll: false,
    });
  };
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Import projects</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Create many projects at once from a spreadsheet.{" "}
          <Link href={`/w/${slug}/projects` as Route} className={textLinkClass}>
            Back to projects
          </Link>
        </p>
      </div>
      {running ? (
        <RunStep key={running} slug={slug} importId={running} onAgain={() => show(null)} />
      ) : draft ? (
        <MapStep slug={slug} importId={draft} onStarted={show} onBack={() => setDraft(null)} />
      ) : (
        <SourceStep slug={slug} onReady={setDraft} />
      )}
      <RecentImports slug={slug} />
    </div>
  );
}
