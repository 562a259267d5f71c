/**
 * Turns a failure to reach PostgreSQL into one readable line, without a stack trace or secrets.
 *
 * Used by the health check, the app's start-up check and the `scripts/`. The line names host and
 * port (taken from the connection URL, never its password), e.g.
 * `Cannot reach PostgreSQL at 127.0.0.1:5432: connection refused (ECONNREFUSED)`.
 */

/** Error codes of Node's net module, pg and Prisma that mean "the database is not reachable". */
const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "3D000": "database does not exist",
  "57P01": "the server is shutting down",
  "57P02": "the server crashed",
  "57P03": "the server is starting up",
  P1000: "authentication failed",
  P1001: "server not reachable",
  P1002: "server timed out",
  P1003: "database does not exist",
};

/** `kind`s of Prisma's driver-adapter errors (`error.meta.driverAdapterError.cause.kind`). */
const ADAPTER_KINDS: Record<string, string> = {
  DatabaseNotReachable: "server not reachable",
  DatabaseDoesNotExist: "database does not exist",
  AuthenticationFailed: "authentication failed",
  DatabaseAccessDenied: "access denied",
  SocketTimeout: "connection timed out",
  ConnectionClosed: "connection closed by server",
  TooManyConnections: "too many connections",
};

const TIMEOUT_MESSAGE = /timeout|timed out/i;

/** Host and port of a PostgreSQL URL, as "host:port" (5432 when the URL names none). */
export function databaseAddress(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || "localhost"}:${url.port || "5432"}`;
  } catch {
    return "(invalid DATABASE_URL)";
  }
}

/**
 * The chain of an error and its `cause`s (at most 10 deep). Prisma puts a driver adapter's
 * error in `meta.driverAdapterError` rather than in `cause`, so that link is followed too.
 */
function causes(error: unknown): object[] {
  const chain: object[] = [];
  for (let e = error; typeof e === "object" && e !== null && chain.length < 10;) {
    chain.push(e);
    const meta = "meta" in e && typeof e.meta === "object" ? e.meta : null;
    e =
      meta && "driverAdapterError" in meta
        ? meta.driverAdapterError
        : "cause" in e
          ? e.cause
          : null;
  }
  return chain;
}

/**
 * The reason a database could not be reached, e.g. "connection refused (ECONNREFUSED)", or
 * `null` when the error is not a connectivity failure (a bad query, a constraint, ...).
 */
export function connectionFailureReason(error: unknown): string | null {
  for (const e of causes(error)) {
    const code = "code" in e && typeof e.code === "string" ? e.code : undefined;
    if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
    const kind = "kind" in e && typeof e.kind === "string" ? e.kind : undefined;
    if (kind && ADAPTER_KINDS[kind]) return ADAPTER_KINDS[kind];
    // AggregateError from net.connect when every address of a host fails.
    if ("errors" in e && Array.isArray(e.errors)) {
      const inner = e.errors.map(connectionFailureReason).find(Boolean);
      if (inner) return inner;
    }
    const message = "message" in e && typeof e.message === "string" ? e.message : "";
    if (TIMEOUT_MESSAGE.test(message) && /connect/i.test(message)) return "connection timed out";
    if (/Connection terminated unexpectedly/i.test(message)) return "connection closed by server";
  }
  return null;
}

/**
 * One line describing why `connectionString`'s database failed, or `null` when `error` is not a
 * connectivity failure.
 */
export function describeConnectionFailure(error: unknown, connectionString: string): string | null {
  const reason = connectionFailureReason(error);
  return reason && `Cannot reach PostgreSQL at ${databaseAddress(connectionString)}: ${reason}`;
}

/** True for a unique-constraint violation (Prisma P2002, PostgreSQL 23505), e.g. a race on an email. */
export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some((e) => "code" in e && (e.code === "P2002" || e.code === "23505"));
}

/**
 * True when PostgreSQL refused a value as a data exception (SQLSTATE class 22: a NUL character,
 * a date before year 1, malformed JSON text…): something a user typed or put in a URL, so a bad
 * request rather than a server failure.
 */
export function isDataException(error: unknown): boolean {
  const dataCode = (code: unknown) => typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code);
  return causes(error).some((e) => {
    if ("code" in e && dataCode(e.code)) return true;
    const meta =
      "meta" in e ? (e.meta as { driverAdapterError?: { cause?: { code?: string } } }) : null;
    return dataCode(meta?.driverAdapterError?.cause?.code);
  });
}
