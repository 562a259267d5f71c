"use client";
/**
 * Comboboxes that find one user (by email or name) or one workspace (by name or slug) and give
 * its id: the audit log's filters. Suggestions come from the console's own searches
 * (`admin.users.list`, `admin.workspaces.list`, 8 at a time, 250 ms after the last keystroke); a
 * chosen id from the URL is shown by its email or slug (`admin.users.get`, `admin.workspaces.get`).
 * Keyboard and screen-reader behaviour are downshift's `useCombobox` (WAI-ARIA combobox pattern).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useTRPC } from "@/trpc/client";

/** Suggestions shown at once. */
const SUGGESTIONS = 8;
/** Quiet time after typing before searching (ms). */
const SEARCH_DELAY_MS = 250;

/** One suggestion: its id, the text the input takes when chosen, and a second line. */
export interface PickerItem {
  id: string;
  label: string;
  detail: string;
}

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

type PickerProps = {
  label: string;
  placeholder: string;
  /** The chosen id (undefined: none). */
  value: string | undefined;
  onChange: (id: string | undefined) => void;
};

/**
 * The combobox itself: `items` are the suggestions for the text typed (reported by `onSearch`);
 * `current` is the value's item when known from the server (undefined while it loads).
 */
function EntityPicker({
  label,
  placeholder,
  value,
  onChange,
  items,
  loading,
  current,
  onSearch,
}: PickerProps & {
  items: PickerItem[];
  loading: boolean;
  current: PickerItem | undefined;
  onSearch: (text: string) => void;
}) {
  // The item chosen here is known at once; one from the URL when its look-up answers.
  const [picked, setPicked] = useState<PickerItem | null>(null);
  const selected = !value ? null : picked?.id === value ? picked : (current ?? null);
  const [input, setInput] = useState(selected?.label ?? "");
  // The text follows the value when it changes from outside: a label that arrives (an id from the
  // URL), or the form's "Clear". Adjusted during render, as React's docs advise over an effect.
  const selectedLabel = selected?.label;
  const [shown, setShown] = useState({ value, selectedLabel });
  if (shown.value !== value || shown.selectedLabel !== selectedLabel) {
    setShown({ value, selectedLabel });
    if (selectedLabel !== undefined) setInput(selectedLabel);
    else if (!value) setInput("");
  }

  const combobox = useCombobox<PickerItem>({
    items,
    inputValue: input,
    selectedItem: selected,
    itemToString: (item) => item?.label ?? "",
    itemToKey: (item) => item?.id,
    // Enter takes the first suggestion; leaving the field without choosing puts the text back
    // to the chosen item's (or empty), so the text always names the value.
    defaultHighlightedIndex: 0,
    stateReducer: (state, { type, changes }) => {
      if (type !== useCombobox.stateChangeTypes.InputBlur) return changes;
      const item = "selectedItem" in changes ? changes.selectedItem : state.selectedItem;
      return { ...changes, inputValue: item?.label ?? "" };
    },
    onInputValueChange: ({ inputValue, type }) => {
      setInput(inputValue);
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      onSearch(inputValue);
      // Clearing the text clears the filter; other text waits for a choice.
      if (inputValue === "") onChange(undefined);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      setPicked(selectedItem ?? null);
      onChange(selectedItem?.id);
    },
  });
  const open = combobox.isOpen && input.trim() !== "";

  return (
    <div className="relative">
      {/* The suggestions stay out of the spaced block: the input lines up with its row's fields. */}
      <div className="space-y-1.5">
        <Label {...combobox.getLabelProps()}>{label}</Label>
        <Input {...combobox.getInputProps({ placeholder })} />
      </div>
      <ul
        {...combobox.getMenuProps()}
        className={`absolute inset-x-0 top-full z-20 mt-1 max-h-72 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 ${open ? "" : "hidden"}`}
      >
        {open &&
          items.map((item, index) => (
            <li
              key={item.id}
              {...combobox.getItemProps({ item, index })}
              className={`cursor-default rounded-md px-3 py-2 text-sm ${
                combobox.highlightedIndex === index ? "bg-zinc-100 dark:bg-zinc-800" : ""
              }`}
            >
              <span className="block font-medium wrap-anywhere">{item.label}</span>
              <span className="block text-xs wrap-anywhere text-zinc-600 dark:text-zinc-400">
                {item.detail}
              </span>
            </li>
          ))}
        {open && items.length === 0 && (
          <li className="px-3 py-2 text-sm text-zinc-600 dark:text-zinc-400">
            {loading ? "Searching…" : `Nothing matches “${input.trim()}”.`}
          </li>
        )}
      </ul>
    </div>
  );
}

/** Finds a user by email or name; its id is the value. */
export function UserPicker(props: PickerProps) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const search = useQuery({
    ...trpc.admin.users.list.queryOptions({ q, limit: SUGGESTIONS }),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({
    ...trpc.admin.users.get.queryOptions({ userId: props.value ?? "" }),
    enabled: Boolean(props.value),
  });
  const items = (search.data?.items ?? []).map((user) => ({
    id: user.id,
    label: user.email,
    detail: user.name,
  }));
  const current = chosen.data
    ? { id: chosen.data.id, label: chosen.data.email, detail: chosen.data.name }
    : undefined;
  return (
    <EntityPicker
      {...props}
      items={items}
      loading={search.isFetching}
      current={current}
      onSearch={setText}
    />
  );
}

/** Finds a workspace by name or slug; its id is the value. */
export function WorkspacePicker(props: PickerProps) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), SEARCH_DELAY_MS);
  const search = useQuery({
    ...trpc.admin.workspaces.list.queryOptions({ q, limit: SUGGESTIONS }),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const chosen = useQuery({
    ...trpc.admin.workspaces.get.queryOptions({ workspaceId: props.value ?? "" }),
    enabled: Boolean(props.value),
  });
  const items = (search.data?.items ?? []).map((workspace) => ({
    id: workspace.id,
    label: workspace.slug,
    detail: workspace.name,
  }));
  const current = chosen.data
    ? { id: chosen.data.id, label: chosen.data.slug, detail: chosen.data.name }
    : undefined;
  return (
    <EntityPicker
      {...props}
      items={items}
      loading={search.isFetching}
      current={current}
      onSearch={setText}
    />
  );
}
