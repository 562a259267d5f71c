/**
 * The names of a generated resource, from its noun: `note` → model `Note`, table "Note",
 * router key `note`, plural `notes` (URL `/w/<slug>/notes`, service `notes.ts`, permission
 * "notes:write"). The noun is validated with zod: a lowercase singular English word.
 */
import * as z from "zod";

/** Every spelling the templates use. */
export interface ResourceNames {
  /** "note": router key, schema file, audit actions ("note.created"), target type. */
  noun: string;
  /** "Note": the Prisma model and table, type names. */
  Noun: string;
  /** "notes": the URL segment, service and component folder, permission prefix. */
  plural: string;
  /** "Notes": the page title and sidebar label, function names (`listNotes`). */
  Plural: string;
}

/**
 * Words the generated code cannot use as a variable: JavaScript's reserved words (ECMA-262
 * §13.1.1, strict mode) and the templates' own local names.
 */
const RESERVED = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export " +
    "extends false finally for function if implements import in instanceof interface let new " +
    "null package private protected public return static super switch this throw true try " +
    "typeof var void while with yield " +
    "before caller changed changes count data db empty entries error eve input item page rows " +
    "saved scope theirs tx update values view where workspace"
  ).split(" "),
);

const word = z
  .string()
  .regex(/^[a-z]{2,30}$/, "must be one lowercase word of 2 to 30 letters a-z (e.g. note, task)")
  .refine((text) => !RESERVED.has(text), "is a word the generated code uses itself");

/** The generator's arguments. */
const resourceArgs = z
  .object({ noun: word, plural: word.optional() })
  .refine((args) => args.plural === undefined || args.plural !== args.noun, {
    path: ["plural"],
    message: "must differ from the noun",
  });

/**
 * The plural by simple English rules: box → boxes, church → churches, story → stories,
 * day → days, note → notes. Irregular plurals (person → people) need `--plural`.
 */
export function pluralOf(noun: string): string {
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/**
 * The names for `args` (`{ noun, plural? }`, as the command line gives them).
 * @throws Error naming the field and the rule when the noun or plural is not valid.
 */
export function resourceNames(args: { noun?: string; plural?: string }): ResourceNames {
  // The plural made by the rules is checked like one given.
  const plural = args.plural ?? (args.noun ? pluralOf(args.noun) : undefined);
  const parsed = resourceArgs.safeParse({ noun: args.noun, plural });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0] ?? "noun")} ${issue.message}.`);
  }
  const { noun } = parsed.data;
  return { noun, Noun: capitalized(noun), plural: plural!, Plural: capitalized(plural!) };
}
