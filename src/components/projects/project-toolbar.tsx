"use client";
/**
 * The list's search box, status filter and sort, written to the URL. Picking a status or a sort
 * adds a history entry (Back returns to the previous view); a search adds one when it starts and
 * then replaces it while the user types (no entry per keystroke), until the box loses focus. The
 * search waits for a pause in typing.
 */
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { sortChoices, type ProjectView } from "@/components/projects/view";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { projectStatuses, type ProjectStatus } from "@/schemas/constants";

const SEARCH_DELAY_MS = 300;

export function ProjectToolbar({
  view,
  onChange,
}: {
  view: ProjectView;
  onChange: (view: ProjectView, options?: { push?: boolean }) => void;
}) {
  const [q, setQ] = useState(view.q ?? "");
  /** True once this typing session (focus to blur) has added its history entry. */
  const searchPushed = useRef(false);
  // The URL changed from outside (back/forward, "Clear filters"): show its search.
  const [urlQ, setUrlQ] = useState(view.q ?? "");
  if ((view.q ?? "") !== urlQ) {
    setUrlQ(view.q ?? "");
    if ((view.q ?? "") !== q.trim()) setQ(view.q ?? "");
  }
  useEffect(() => {
    if ((view.q ?? "") === q.trim()) return;
    const timer = setTimeout(() => {
      onChange({ ...view, q: q.trim() || undefined }, { push: !searchPushed.current });
      searchPushed.current = true;
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, view, onChange]);

  return (
    <div role="search" className="grid gap-3 sm:grid-cols-[1fr_13rem_12rem]">
      <div className="space-y-1.5">
        <Label htmlFor="project-search">Search projects</Label>
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400"
          />
          <Input
            id="project-search"
            type="search"
            className="pl-9"
            placeholder="Name or description"
            maxLength={100}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            onBlur={() => {
              searchPushed.current = false;
            }}
          />
        </div>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="project-status">Status</Label>
        <Select
          id="project-status"
          value={view.status ?? ""}
          onChange={(event) =>
            onChange(
              { ...view, status: (event.target.value || undefined) as ProjectStatus },
              { push: true },
            )
          }
        >
          <option value="">Open (not archived)</option>
          {projectStatuses.map((status) => (
            <option key={status} value={status}>
              {status[0]!.toUpperCase() + status.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="project-sort">Sort</Label>
        <Select
          id="project-sort"
          value={`${view.sort}-${view.dir}`}
          onChange={(event) => {
            const [sort, dir] = event.target.value.split("-") as [
              ProjectView["sort"],
              "asc" | "desc",
            ];
            onChange({ ...view, sort, dir }, { push: true });
          }}
        >
          {sortChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
