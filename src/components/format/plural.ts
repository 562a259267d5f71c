/**
 * Counted nouns for the whole UI, in one place: "1 event", "2 events", "1,200 projects". The
 * form is chosen by `Intl.PluralRules` (CLDR plural categories), so a translation adds its own
 * categories ("few", "many") without changing a call site; `#` stands for the formatted count,
 * as in ICU MessageFormat's plural syntax.
 */

/** The English forms of a counted phrase; `#` is replaced by the count ("# seat", "# seats"). */
export interface PluralForms {
  one: string;
  other: string;
  /** CLDR "zero" (used by some locales, not by English rules; kept for "No events" style text). */
  zero?: string;
}

const LOCALE = "en-US";
const rules = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);

/**
 * The phrase for `count` (an integer): `forms.zero` when given and `count` is 0, else the CLDR
 * category's form, with `#` replaced by `count` formatted with grouping ("1,200").
 */
export function plural(count: number, forms: PluralForms): string {
  const form =
    count === 0 && forms.zero !== undefined
      ? forms.zero
      : rules.select(count) === "one"
        ? forms.one
        : forms.other;
  return form.replaceAll("#", numbers.format(count));
}

/** "3 projects" / "1 project": `plural` for a noun with a regular "# noun" phrase. */
export function countOf(count: number, one: string, other: string): string {
  return plural(count, { one: `# ${one}`, other: `# ${other}` });
}

const lists = new Intl.ListFormat(LOCALE, { style: "long", type: "conjunction" });

/** "a, b and c": items joined as a sentence (`Intl.ListFormat`, conjunction). */
export function listOf(items: readonly string[]): string {
  return lists.format(items);
}
