/**
 * Small node:http helpers shared by the REST API, the hosted pages and the control endpoints:
 * reading a body, parsing Stripe's form encoding (`a[b][0]=c`, via `qs`), and answering.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import qs from "qs";

/** Parameters decoded from a query string or a form body: nested records, arrays and strings. */
export type Params = Record<string, unknown>;

/** Largest request body accepted, bytes. */
const MAX_BODY_BYTES = 1_000_000;

/** The request body as text (UTF-8). Rejects bodies over 1 MB. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("Request body too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Stripe's bracket form encoding (`line_items[0][price]=…`, `expand[]=…`) to nested params. */
export function parseForm(text: string): Params {
  return qs.parse(text, { depth: 10, arrayLimit: 100, parameterLimit: 2000 }) as Params;
}

/** Sends `body` as JSON with `status` and extra headers. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
  });
  res.end(html);
}

/** A 303 See Other to `location` (after a form POST). */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}

/** `value` when it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `value` when it is a plain object (a nested form parameter), else undefined. */
export function record(value: unknown): Params | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Params)
    : undefined;
}

/** A form parameter that may be an array (`a[]=x&a[]=y`, `a[0]=x`) or a single value, as strings. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  const asRecord = record(value);
  if (asRecord) return Object.values(asRecord).filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}
