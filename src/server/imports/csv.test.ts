/**
 * Reading imported CSV: byte order mark, the three delimiters (given or detected), quoted fields
 * with delimiters, quotes and line breaks inside, CRLF, blank lines, short rows, invalid CSV.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvFormatError, detectDelimiter, readCsv, readCsvHead } from "@/server/imports/csv";
import type { ImportDelimiter } from "@/schemas/project-import";

/** The file as a stream of small chunks, so records span chunk boundaries. */
const streamOf = (text: string | Buffer) => {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  return Readable.from(chunks);
};

async function readAll(text: string | Buffer, delimiter: ImportDelimiter = ",") {
  const rows: { line: number; cells: string[] }[] = [];
  let header: string[] = [];
  for await (const item of readCsv(streamOf(text), delimiter)) {
    if ("header" in item) header = item.header;
    else rows.push(item);
  }
  return { header, rows };
}

describe("readCsv", () => {
  it("reads UTF-8 with and without a byte order mark alike", async () => {
    const text = "name,description\nÉté,Café ☕\n";
    const plain = await readAll(text);
    const bom = await readAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(bom).toEqual(plain);
    expect(plain.header).toEqual(["name", "description"]);
    expect(plain.rows).toEqual([{ line: 2, cells: ["Été", "Café ☕"] }]);
  });

  it.each([
    [",", "name,description\nApollo,First\r\nGemini,Second\r\n"],
    [";", "name;description\r\nApollo;First\r\nGemini;Second"],
    ["\t", "name\tdescription\nApollo\tFirst\nGemini\tSecond\n"],
  ] as const)("reads %j-separated rows with LF or CRLF", async (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
    const { header, rows } = await readAll(text, delimiter);
    expect(header).toEqual(["name", "description"]);
    expect(rows.map((r) => r.cells)).toEqual([
      ["Apollo", "First"],
      ["Gemini", "Second"],
    ]);
  });

  it("reads quoted fields holding delimiters, quotes and line breaks", async () => {
    const text = 'name,description\n"Apollo, the first","He said ""go""\nthen left"\nGemini,\n';
    const { rows } = await readAll(text);
    expect(rows.map((r) => r.cells)).toEqual([
      ["Apollo, the first", 'He said "go"\nthen left'],
      ["Gemini", ""],
    ]);
  });

  it("skips blank lines, keeps short and long rows, and counts lines from the header", async () => {
    const { rows } = await readAll("name,description\n\nApollo\nGemini,Two,extra\n");
    expect(rows).toEqual([
      { line: 3, cells: ["Apollo"] },
      { line: 4, cells: ["Gemini", "Two", "extra"] },
    ]);
  });

  it("detects the delimiter from the header line only, ignoring quoted ones", () => {
    expect(detectDelimiter('"a;b;c",name\nx;y;z;w\n')).toBe(",");
    expect(detectDelimiter("\uFEFFname;description\n")).toBe(";");
    expect(detectDelimiter("name\n")).toBe(",");
  });

  it("refuses a quote that is never closed, naming the problem", async () => {
    await expect(readAll('name,description\n"Apollo,First\n')).rejects.toThrow(CsvFormatError);
    await expect(readAll("")).rejects.toThrow("needs a header row");
  });

  it("reads only the head when asked, leaving the rest of the stream", async () => {
    const body = ["name", ...Array.from({ length: 10_000 }, (_, i) => `p${i}`)].join("\n");
    const { header, rows } = await readCsvHead(streamOf(body), ",", 3);
    expect(header).toEqual(["name"]);
    expect(rows.map((r) => r.cells[0])).toEqual(["p0", "p1", "p2"]);
  });
});
