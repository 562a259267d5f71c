"use client";
/** The theme choice as radio items of the user menu's Radix dropdown (see theme-toggle.tsx). */
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import { useId } from "react";
import { menuItemClass } from "@/components/shell/user-menu-face";
import { themeOptions, useThemeChoice } from "@/components/theme-toggle";

/** Light / Dark / System as radio items of a Radix dropdown menu, labelled "Theme". */
export function ThemeMenuRadioGroup() {
  const { choice, setTheme } = useThemeChoice();
  const labelId = useId();
  return (
    <>
      <DropdownMenu.Label
        id={labelId}
        className="px-2 pt-2 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400"
      >
        Theme
      </DropdownMenu.Label>
      <DropdownMenu.RadioGroup
        aria-labelledby={labelId}
        value={choice ?? ""}
        onValueChange={setTheme}
      >
        {themeOptions.map(({ value, label, icon: Icon }) => (
          <DropdownMenu.RadioItem
            key={value}
            value={value}
            // Choosing a theme keeps the menu open: the change is visible behind it.
            onSelect={(event) => event.preventDefault()}
            className={menuItemClass}
          >
            <Icon aria-hidden="true" className="size-4 text-zinc-500 dark:text-zinc-400" />
            <span className="flex-1">{label}</span>
            <DropdownMenu.ItemIndicator>
              <Check aria-hidden="true" className="size-4 text-indigo-600 dark:text-indigo-400" />
            </DropdownMenu.ItemIndicator>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.RadioGroup>
    </>
  );
}
