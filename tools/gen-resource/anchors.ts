/**
 * Insertions into existing files at marker comments (`// gen:resource <name>`), not regexes: the
 * marker stays, the new text goes on the lines just above it, indented like it, so later
 * resources land after earlier ones.
 */

/**
 * `source` with `lines` inserted above the line holding `// gen:resource <anchor>`.
 * @throws Error naming `file` and the anchor when the marker is missing or not unique.
 */
export function insertAtAnchor(
  source: string,
  anchor: string,
  lines: string,
  file = "the file",
): string {
  const marker = `// gen:resource ${anchor}`;
  const rows = source.split("\n");
  const at = rows.flatMap((row, index) => (row.trim() === marker ? [index] : []));
  if (at.length !== 1) {
    throw new Error(
      `${file}: expected one "${marker}" line, found ${at.length} (restore the marker).`,
    );
  }
  const indent = /^\s*/.exec(rows[at[0]!]!)![0];
  const inserted = lines
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => (line === "" ? line : indent + line));
  rows.splice(at[0]!, 0, ...inserted);
  return rows.join("\n");
}
