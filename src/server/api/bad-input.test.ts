/**
 * Property-based bad input against every procedure of `appRouter`: whatever a client sends, the
 * answer is a success or a deliberate TRPCError (never INTERNAL_SERVER_ERROR, i.e. no 500 from
 * what a user typed), and a call that fails leaves the database as it was.
 *
 * Method
 * - Every procedure is enumerated from `appRouter._def.procedures` (a new one is covered without
 *   editing this file). Its input parsers (`_def.inputs`, zod schemas; a workspace procedure has
 *   two: the middleware's `workspaceSlugInput` and its own strict schema) are turned into one JSON
 *   Schema with `z.toJSONSchema` (properties, required keys, additionalProperties, lengths,
 *   patterns, enums, number ranges, defaults).
 * - From each field's JSON Schema, fast-check arbitraries of hostile values are derived: wrong
 *   types (null, booleans, numbers, arrays, objects, Prisma filter objects such as `{ not: "" }`,
 *   Dates including Invalid Date, BigInt, Map, Set; all of which superjson carries over HTTP),
 *   one past each length bound, 10 KB strings, NUL bytes, SQL/LIKE and regex metacharacters,
 *   unicode (astral, combining, bidi, lone surrogates), near-miss variants of the valid value
 *   (case, whitespace, a NUL or `%` appended), values the pattern accepts but chosen at random
 *   (unknown ids, tokens, slugs), extreme or impossible calendar days, bad emails, NaN,
 *   ±Infinity, -0, floats, out-of-range and unsafe integers, near-miss enum members, and tampered
 *   cursors (crafted base64url JSON of each cursor format with extreme dates and hostile ids, and
 *   a real `nextCursor` from the fixture with one field replaced, a character flipped, or cut).
 * - An input is: the procedure's valid sample (the procedure catalogue, src/test/procedures.ts,
 *   shared with the authorization matrix) with one or more fields replaced by such values; with a required key removed; with
 *   an extra key (`__proto__` as an own key, `isAdmin`, `workspaceId`, …); the sample wrapped in
 *   an array or another object; or a hostile value as the whole input (also for procedures that
 *   take no input). Replacements that still pass the schema are the "valid-shaped but hostile"
 *   inputs that reach services and the database.
 * - Each procedure runs ~15 inputs (`BAD_INPUT_RUNS` to change) on one fixture (workspace "acme"
 *   on Pro with owner, admin, member and target members, projects, audit entries, an invitation,
 *   stored Stripe events), called through `createCaller` as the workspace owner (the most
 *   privileged non-staff caller) or, for `admin.*`, as a staff user; the tables are emptied
 *   between procedures only. A caller is built per call, as per request; a session a call ended
 *   (sign-out) is replaced.
 * - Per call: every failure must be a TRPCError whose code is not INTERNAL_SERVER_ERROR and that
 *   the app's errorFormatter turns into a serialisable shape; for a failed call, the row count
 *   and an md5 of the rows of every public table (and the pg-boss job count) must be equal before
 *   and after. Rate-limit counters (`RateLimiterFlexible`) are left out: counting failed attempts
 *   is their purpose. A call that succeeds may change the database.
 * - Counterexamples found so far (REGRESSIONS) are replayed first on every run as fast-check
 *   `examples`. Shrinking is capped (`fc.limitShrink`), since each step calls the procedure.
 * A failure prints the counterexample, the seed and the path (replay with `fc.assert`'s `seed`
 * and `path`); `BAD_INPUT_RUNS=300` searches deeper.
 */
import { getErrorShape, TRPCError } from "@trpc/server";
import fc from "fast-check";
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "@/server/api/root";
import { hashPassword } from "@/server/auth/password";
import { createSession } from "@/server/auth/session";
import { generateToken, hashToken } from "@/server/auth/tokens";
import { db } from "@/server/db";
import { BOSS_SCHEMA } from "@/server/jobs/queue";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { givePlan } from "@/test/plans";
import {
  createSampleImport,
  createSampleRows,
  PROCEDURES,
  procedureAt,
  SAMPLE_PASSWORD,
  type SampleContext,
  type SampleRows,
} from "@/test/procedures";
import { callerWith, requestHeaders } from "@/test/trpc";

cleanDatabaseBeforeEach();

const NUM_RUNS = Number(process.env.BAD_INPUT_RUNS ?? 15);
let passwordHash: string;

// ---------------------------------------------------------------------------------------------
// The fixture the sample inputs refer to.

interface Fixture {
  slug: string;
  ownerId: string;
  targetId: string;
  workspaceId: string;
  projectId: string;
  exportId: string;
  /** A draft project import of acme with its file stored. */
  importId: string;
  postId: string;
  stripeEventId: string;
  invitation: { id: string; token: string };
  /** An invitation to the owner, into a workspace they are not in. */
  invitationForOwner: string;
  ownerSessionId: string;
  rows: SampleRows;
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`;
/** A page cursor as the app encodes them: base64url JSON. */
const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

/**
 * Counterexamples this file found (500s, since fixed), replayed on every run (fast-check
 * `examples`) so they never regress: PostgreSQL rejects timestamps before year 1 (now a data
 * exception mapped to BAD_REQUEST) and lone UTF-16 surrogates in JSON (now refused by the text
 * schemas).
 */
const REGRESSIONS: Record<string, (f: Fixture) => unknown[]> = {
  "activity.list": (f) => [
    { workspaceSlug: f.slug, from: "0000-01-01" },
    { workspaceSlug: f.slug, to: "0000-01-01" },
    {
      workspaceSlug: f.slug,
      cursor: cursorOf({ s: "createdAt", d: "desc", v: "0000-01-01T00:00:00Z", id: "x" }),
    },
  ],
  "admin.users.list": () => [
    { cursor: cursorOf({ s: "createdAt", d: "desc", v: "0000-01-01T00:00:00Z", id: "x" }) },
  ],
  "admin.workspaces.list": () => [
    { cursor: cursorOf({ s: "createdAt", d: "desc", v: "0000-01-01T00:00:00Z", id: "x" }) },
  ],
  "admin.stripeEvents.list": () => [
    { cursor: cursorOf({ s: "receivedAt", d: "desc", v: "0000-01-01T00:00:00Z", id: "x" }) },
  ],
  "admin.auditLog.list": () => [
    { cursor: cursorOf({ s: "createdAt", d: "desc", v: "0000-01-01T00:00:00Z", id: "x" }) },
  ],
  "project.list": (f) =>
    ["0000-01-01T00:00:00Z", "-271821-04-20T00:00:00.000Z", "-000001-01-01T00:00:00.000Z"].map(
      (v) => ({
        workspaceSlug: f.slug,
        cursor: cursorOf({ s: "updatedAt", d: "desc", v, id: "x" }),
      }),
    ),
  "workspace.rename": (f) => [{ workspaceSlug: f.slug, name: "\uD800" }],
  "workspace.create": () => [{ name: "\uD800" }],
};

/** The catalogue's view of the fixture; the caller is acme's owner. */
function sampleContext(f: Fixture): SampleContext {
  return {
    slug: f.slug,
    workspaceId: f.workspaceId,
    projectId: f.projectId,
    exportId: f.exportId,
    importId: f.importId,
    postId: f.postId,
    stripeEventId: f.stripeEventId,
    invitation: f.invitation,
    targetId: f.targetId,
    ownerEmail: "owner@example.com",
    callerSessionId: f.ownerSessionId,
    invitationForCaller: f.invitationForOwner,
    rows: f.rows,
  };
}

async function user(name: string, isAdmin = false) {
  return db.user.create({
    data: {
      name,
      email: `${name}@example.com`,
      passwordHash,
      emailVerifiedAt: new Date(),
      isAdmin,
    },
  });
}

async function storedStripeEvent(status: "received" | "ignored") {
  const id = `evt_bad_${unique().replace(/[^A-Za-z0-9]/g, "")}`;
  const payload = {
    id,
    object: "event",
    type: "customer.discount.created",
    created: 0,
    data: { object: {} },
  };
  await db.stripeEvent.create({
    data: { id, type: payload.type, status, payload, stripeCreatedAt: new Date() },
  });
  return id;
}

/** Workspace "acme" (Pro) with owner, admin, member and target, three projects, two audit
 * entries, a failed export and a pending invitation; "other" owned by an outsider, with an
 * invitation to acme's owner; a staff user; two stored Stripe events; owner and staff signed in. */
async function fixture() {
  const [owner, admin, member, target, outsider] = await Promise.all(
    ["owner", "admin", "member", "target", "outsider"].map((name) => user(name)),
  );
  const staff = await user("staff", true);
  const stripeEventId = await storedStripeEvent("ignored");
  await storedStripeEvent("ignored");
  await storedStripeEvent("received");
  const acme = await db.workspace.create({
    data: {
      name: "Acme",
      slug: "acme",
      memberships: {
        create: [
          { userId: owner!.id, role: "owner" },
          { userId: admin!.id, role: "admin" },
          { userId: member!.id, role: "member" },
          { userId: target!.id, role: "member" },
        ],
      },
    },
  });
  // Pro (10 members, 50 projects) leaves room for every procedure's sample input.
  await givePlan(acme.id, "pro");
  const projects = [];
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    projects.push(
      await db.project.create({ data: { workspaceId: acme.id, ownerId: owner!.id, name } }),
    );
  }
  for (const action of ["project.created", "member.role_changed"]) {
    await db.auditLog.create({
      data: { workspaceId: acme.id, actorId: owner!.id, action, targetType: "project" },
    });
  }
  const failedExport = await db.export.create({
    data: { workspaceId: acme.id, status: "failed", error: "The export failed: test" },
  });
  const other = await db.workspace.create({
    data: {
      name: "Other",
      slug: "other",
      memberships: { create: { userId: outsider!.id, role: "owner" } },
    },
  });
  const token = generateToken();
  const invitation = await db.invitation.create({
    data: {
      workspaceId: acme.id,
      email: "invitee@example.com",
      role: "member",
      tokenHash: hashToken(token),
      invitedById: owner!.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const invitationForOwner = await db.invitation.create({
    data: {
      workspaceId: other.id,
      email: owner!.email,
      role: "member",
      tokenHash: hashToken(generateToken()),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  // Two posts, so the editor's list pages with limit 1.
  const [post] = await Promise.all(
    ["draft", "draft-2"].map((slug) =>
      db.post.create({
        data: { kind: "blog", title: "Draft", slug, excerpt: "A draft.", body: "Draft." },
      }),
    ),
  );
  const ownerSession = await createSession(owner!.id, { ipAddress: null, userAgent: null });
  const staffSession = await createSession(staff.id, { ipAddress: null, userAgent: null });
  const f: Fixture = {
    slug: "acme",
    ownerId: owner!.id,
    targetId: target!.id,
    workspaceId: acme.id,
    projectId: projects[0]!.id,
    exportId: failedExport.id,
    importId: await createSampleImport(db, acme.id, owner!.id),
    postId: post!.id,
    stripeEventId,
    invitation: { id: invitation.id, token },
    invitationForOwner: invitationForOwner.id,
    ownerSessionId: hashToken(ownerSession.id),
    rows: await createSampleRows(db, acme.id),
  };
  return {
    f,
    tokens: { owner: ownerSession.id, staff: staffSession.id },
    userIds: { owner: owner!.id, staff: staff.id },
  };
}

// ---------------------------------------------------------------------------------------------
// Procedures and their input schemas.

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: Json[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
};

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** The procedure's input parsers merged into one object schema; null when it takes no input. */
function inputSchemaOf(path: string): Json | null {
  const inputs = procedures[path]!._def.inputs;
  if (inputs.length === 0) return null;
  const merged: Required<Pick<Json, "properties" | "required">> & Json = {
    type: "object",
    properties: {},
    required: [],
  };
  for (const input of inputs) {
    const schema = z.toJSONSchema(input as z.ZodType, { io: "input", unrepresentable: "any" });
    const json = schema as Json;
    Object.assign(merged.properties, json.properties ?? {});
    for (const key of json.required ?? []) {
      if (!merged.required.includes(key)) merged.required.push(key);
    }
    if (json.additionalProperties === false) merged.additionalProperties = false;
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const KB10 = 10 * 1024;

const HOSTILE_STRINGS = [
  "",
  " ",
  "\t\r\n",
  "\u0000",
  "a\u0000b",
  "' OR '1'='1",
  '\'; DROP TABLE "User"; --',
  '"); SELECT pg_sleep(1); --',
  "%",
  "_",
  "%_%",
  "\\",
  "abc\\",
  "\\%\\_",
  "$1",
  "::text",
  ".*",
  "(a+)+$",
  "[",
  "(?<x>",
  "\\u0000",
  "${7*7}{{7*7}}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "\uD800",
  "\uDFFFx\uD800",
  "🙂",
  "👨‍👩‍👧‍👦",
  "\u202Egnp.exe",
  "\uFEFF",
  "e\u0301\u0301\u0301",
  "İıẞß",
  "ｆｕｌｌｗｉｄｔｈ",
  "null",
  "undefined",
  "NaN",
  "true",
  "-1",
  "1e309",
  "__proto__",
  "constructor",
  "x".repeat(KB10),
  "🙂".repeat(KB10 / 2),
  "\u0000".repeat(KB10),
  "%".repeat(KB10),
];

const deep = (depth: number, leaf: unknown, array: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
};

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)), fc.string())
      .map(([a, b]) => a + b),
  },
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
  ),
  fc.double(),
  fc.integer(),
);

/** Values of every type superjson can carry, and shapes of abuse. */
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    [],
    {},
    10n,
    -(2n ** 70n),
    new Date(Number.NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    /a+/g,
    new Map([["workspaceSlug", "acme"]]),
    new Set(["acme"]),
    { not: "" },
    { equals: "acme" },
    { contains: "" },
    { in: ["acme"] },
    { $ne: null },
    { toString: "x", valueOf: 1 },
    Array.from({ length: 10_000 }, () => "x"),
    deep(1000, "x", false),
    deep(1000, "x", true),
  ),
  hostileString,
  hostileNumber,
  fc.date({ noInvalidDate: false }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withSparseArray: true,
  }),
);

/** Days that are impossible, out of range, or in range but extreme. */
const HOSTILE_DAYS = [
  "0000-01-01",
  "0001-01-01",
  "1969-12-31",
  "9999-12-31",
  "2026-02-30",
  "2026-02-29",
  "2024-02-29",
  "2026-13-01",
  "2026-00-10",
  "0000-00-00",
  "99999-01-01",
  "-001-01-01",
  "2026-1-1",
  "2026-01-01T00:00:00Z",
  "２０２６-０１-０１",
];

/** Timestamps as a cursor could carry them. */
const HOSTILE_TIMES = [
  "0000-01-01T00:00:00Z",
  "0000-01-01T00:00:00.000Z",
  "0001-01-01T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "+275760-09-13T00:00:00.000Z",
  "-000001-01-01T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "1970-01-01T00:00:00Z",
  "2026-02-30T00:00:00Z",
  "2026-01-01T00:00:00+14:00",
  "2026-01-01",
  "1",
  "0",
  "-1",
  "now",
  "",
];

const HOSTILE_EMAILS = [
  "a@b",
  "@",
  "a@",
  "@example.com",
  "not-an-email",
  " Owner@EXAMPLE.com ",
  `${"x".repeat(64)}@${"y".repeat(185)}.com`,
  `${"x".repeat(250)}@example.com`,
  "a+b@example.com",
  "a@[127.0.0.1]",
  '"a b"@example.com',
  "ü@exämple.com",
  "a@example.com\u0000",
  "a%_\\@example.com",
  "a'OR'1'='1@example.com",
  "a@example.com\nBcc: b@example.com",
  "owner@example.com",
];

/** Days the day pattern accepts, some of them impossible or beyond what a timestamp can hold. */
const EXTREME_DAYS = ["0000-01-01", "0001-01-01", "1969-12-31", "9999-12-31", "2024-02-29"];

const within = (s: Json) => (v: string) =>
  v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY);

/** Strings that break a string field's rules: one past each bound, near-misses of the sample. */
function invalidString(s: Json, sample: unknown): fc.Arbitrary<unknown> {
  const fixed: string[] = ["x".repeat(KB10), "🙂".repeat(KB10 / 2)];
  if (s.maxLength !== undefined) fixed.push("x".repeat(s.maxLength + 1));
  if (s.minLength) fixed.push("x".repeat(s.minLength - 1));
  if (typeof sample === "string" && sample !== "") {
    fixed.push(
      `${sample}\u0000`,
      `${sample}\n`,
      `${sample}%`,
      `${sample}'--`,
      `${sample}\\`,
      sample.slice(0, -1),
      sample + sample,
      sample.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0x3e0)),
    );
  }
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...fixed), hostileString];
  if (s.pattern?.includes("\\d{4}-\\d{2}-\\d{2}")) options.push(fc.constantFrom(...HOSTILE_DAYS));
  return fc.oneof(...options);
}

/** Strings a string field's rules accept, chosen to be hard on what runs after validation. */
function hostileValidString(s: Json, key: string, sample: unknown): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (typeof sample === "string" && sample !== "") {
    // zod trims and lower-cases some fields: near-misses that may still be accepted.
    options.push(
      fc.constantFrom(` ${sample}`, `${sample} `, sample.toUpperCase(), `\t${sample}\n`),
    );
  }
  if (s.pattern) {
    options.push(fc.stringMatching(new RegExp(s.pattern)).filter(within(s)));
    if (s.pattern.includes("\\d{4}-\\d{2}-\\d{2}")) options.push(fc.constantFrom(...EXTREME_DAYS));
  } else {
    const min = s.minLength ?? 0;
    const max = Math.min(s.maxLength ?? 200, 200);
    const fits = HOSTILE_STRINGS.filter((v) => v.length >= Math.max(min, 1) && v.length <= max);
    options.push(
      fc.constantFrom(...fits),
      fc.string({ unit: "binary", minLength: min, maxLength: max }),
      fc
        .tuple(fc.constantFrom(...fits), fc.string({ unit: "binary", maxLength: 20 }))
        .map(([a, b]) => `x${a}${b}`.slice(0, max)),
    );
    if (s.maxLength !== undefined) {
      options.push(fc.constantFrom("x".repeat(s.maxLength), "é".repeat(s.maxLength)));
    }
  }
  if (/email/i.test(key)) options.push(fc.constantFrom(...HOSTILE_EMAILS));
  return fc.oneof(...options);
}

/** Numbers out of range or not numbers at all. */
function invalidNumber(s: Json): fc.Arbitrary<unknown> {
  const min = s.minimum ?? 0;
  const max = s.maximum ?? 100;
  return fc.oneof(
    hostileNumber,
    fc.constantFrom<unknown>(min - 1, max + 1, min + 0.5, String(min), BigInt(min), `${max}`),
  );
}

function invalidEnum(values: unknown[]): fc.Arbitrary<unknown> {
  const strings = values.filter((v): v is string => typeof v === "string");
  const near = strings.flatMap((v) => [
    v.toUpperCase(),
    ` ${v}`,
    `${v}\u0000`,
    `${v}s`,
    v.slice(0, -1),
  ]);
  return fc.constantFrom<unknown>(
    ...near,
    strings.join(","),
    strings,
    "__proto__",
    "constructor",
    "toString",
    "owner",
    0,
    1,
    "",
  );
}

/** Crafted cursors of every format the app reads, and a real one tampered with. */
function cursorAttacks(maxLength: number, real: string | null): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_TIMES) },
    { weight: 2, arbitrary: hostileString.filter((v) => v.length < 100) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 0, -1, 1e308, [], {}, true) },
  );
  const crafted = fc
    .record(
      {
        createdAt: scalar,
        t: scalar,
        s: fc.constantFrom<unknown>("updatedAt", "createdAt", "name", "id", "__proto__"),
        d: fc.constantFrom<unknown>("desc", "asc", "DESC"),
        v: scalar,
        id: scalar,
        extra: scalar,
      },
      { requiredKeys: [] },
    )
    .map(cursorOf);
  const options: fc.WeightedArbitrary<unknown>[] = [
    { weight: 2, arbitrary: crafted },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        "=",
        "!!!",
        "null",
        cursorOf(null),
        cursorOf([]),
        cursorOf("x"),
        cursorOf({}),
        "%00",
        "x".repeat(maxLength),
        "x".repeat(maxLength + 1),
      ),
    },
    { weight: 1, arbitrary: hostileString },
  ];
  if (real) {
    const decoded = JSON.parse(Buffer.from(real, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    const keys = Object.keys(decoded);
    options.push(
      {
        weight: 4,
        arbitrary: fc
          .constantFrom(...keys)
          .chain((key) => scalar.map((value) => cursorOf({ ...decoded, [key]: value }))),
      },
      {
        weight: 1,
        arbitrary: fc.nat(real.length - 1).map((i) => {
          const c = real[i] === "A" ? "B" : "A";
          return real.slice(0, i) + c + real.slice(i + 1);
        }),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(real.slice(0, -1), `${real}x`, `${real}==`, real.slice(1)),
      },
    );
  }
  return fc.oneof(...options);
}

interface Field {
  key: string;
  schema: Json;
  sample: unknown;
  realCursor: string | null;
}

/** A value a field's schema accepts (or nearly), chosen to be hostile to the code behind it. */
function hostileValid({ key, schema, sample, realCursor }: Field): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? [schema];
  const string = branches.find((b) => b.type === "string" && !b.enum);
  if (key === "cursor" && string) return cursorAttacks(string.maxLength ?? 200, realCursor);
  const options: fc.Arbitrary<unknown>[] = [];
  for (const branch of branches) {
    if (branch.enum) options.push(fc.constantFrom(...branch.enum));
    else if (branch.type === "string") options.push(hostileValidString(branch, key, sample));
    else if (branch.type === "integer" || branch.type === "number") {
      const min = branch.minimum ?? -(2 ** 31);
      const max = branch.maximum ?? 2 ** 31;
      options.push(fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max })));
    } else if (branch.type === "null") options.push(fc.constant(null));
  }
  options.push(fc.constant(undefined)); // an optional field left out, a required one missing
  return fc.oneof(...options);
}

/** A value that breaks a field's schema: wrong type, out of bounds, near-miss. */
function invalid({ key, schema, sample, realCursor }: Field): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? [schema];
  const options: fc.Arbitrary<unknown>[] = [hostileAny];
  for (const branch of branches) {
    if (branch.enum) options.push(invalidEnum(branch.enum));
    else if (branch.type === "string") options.push(invalidString(branch, sample));
    else if (branch.type === "integer" || branch.type === "number")
      options.push(invalidNumber(branch));
  }
  if (key === "cursor") options.push(cursorAttacks(200, realCursor));
  return fc.oneof(...options);
}

/** `value` with `key` as an own, enumerable property (as JSON.parse makes "__proto__"). */
function withKey(value: Record<string, unknown>, key: string, field: unknown) {
  const copy = { ...value };
  Object.defineProperty(copy, key, {
    value: field,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

const EXTRA_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "isAdmin",
  "role",
  "id",
  "workspaceId",
  "userId",
  "ownerId",
  "actorId",
  "hasOwnProperty",
  "toJSON",
];

/** The sample with up to `max` of its fields set to values drawn by `draw`. */
function replacing(
  fields: Field[],
  base: Record<string, unknown>,
  max: number,
  draw: (field: Field) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(max, fields.length) })
    .chain((picked) =>
      fc.tuple(...picked.map((field) => draw(field).map((value) => [field.key, value] as const))),
    )
    .map((pairs) =>
      pairs.reduce((input, [key, value]) => {
        if (value !== undefined) return withKey(input, key, value);
        const copy = { ...input };
        delete copy[key];
        return copy;
      }, base),
    );
}

/** Inputs for a procedure: its sample with fields replaced, removed or added, or garbage. */
function inputArbitrary(
  schema: Json | null,
  sample: Record<string, unknown> | undefined,
  realCursor: string | null,
): fc.Arbitrary<unknown> {
  if (!schema?.properties) {
    return fc.oneof(
      hostileAny,
      fc.constant(sample ?? {}),
      fc.dictionary(fc.constantFrom(...EXTRA_KEYS), hostileAny, { minKeys: 1, maxKeys: 3 }),
    );
  }
  const base = sample ?? {};
  const fields = Object.entries(schema.properties).map(([key, field]) => ({
    key,
    schema: field,
    sample: base[key],
    realCursor,
  }));
  const options: fc.WeightedArbitrary<unknown>[] = [
    // Valid-shaped but hostile: what gets past validation to the services and the database.
    { weight: 6, arbitrary: replacing(fields, base, 2, hostileValid) },
    // Invalid: what validation must stop (a mix, so one bad field hides among good ones).
    {
      weight: 4,
      arbitrary: replacing(fields, base, 3, (field) =>
        fc.oneof(invalid(field), hostileValid(field)),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...EXTRA_KEYS), hostileAny)
        .map(([key, value]) => withKey(base, key, value)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        [base],
        { input: base },
        { json: base },
        JSON.stringify(base),
      ),
    },
    { weight: 2, arbitrary: hostileAny },
  ];
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// Database snapshots.

let snapshotSql = "";
let bossJobTable = false;

beforeAll(async () => {
  passwordHash = await hashPassword(SAMPLE_PASSWORD);
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'RateLimiterFlexible')
    ORDER BY tablename`;
  const parts = tables.map(({ tablename }) => {
    const table = `"public"."${tablename.replaceAll('"', '""')}"`;
    const label = tablename.replaceAll("'", "''");
    return `SELECT '${label}' AS "table", count(*)::int AS "rows",
      md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS "hash" FROM ${table} t`;
  });
  snapshotSql = parts.join("\nUNION ALL\n");
});

/** Row count and a hash of the rows of every public table, and the count of queued jobs. */
async function snapshot(): Promise<Record<string, string>> {
  const rows =
    await db.$queryRawUnsafe<{ table: string; rows: number; hash: string }[]>(snapshotSql);
  const result: Record<string, string> = {};
  for (const row of rows) result[row.table] = `${row.rows} rows, md5 ${row.hash}`;
  if (!bossJobTable) {
    const [found] = await db.$queryRawUnsafe<{ exists: boolean }[]>(
      `SELECT to_regclass('${BOSS_SCHEMA}.job') IS NOT NULL AS "exists"`,
    );
    bossJobTable = found?.exists ?? false;
  }
  if (bossJobTable) {
    const [jobs] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS "count" FROM ${BOSS_SCHEMA}.job`,
    );
    result[`${BOSS_SCHEMA}.job`] = `${jobs?.count ?? 0} rows`;
  } else {
    result[`${BOSS_SCHEMA}.job`] = "0 rows";
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Calling.

/** A short, printable description of an input, for failure messages. */
function describeInput(input: unknown): string {
  const text = fc.stringify(input);
  return text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text;
}

/** The error shape the HTTP endpoint would send (runs the app's errorFormatter). */
function formatError(error: TRPCError, path: string, input: unknown) {
  const shape = getErrorShape({
    config: appRouter._def._config,
    error,
    type: procedures[path]!._def.type,
    path,
    input,
    ctx: undefined,
  });
  JSON.stringify(superjson.serialize(shape));
  return shape;
}

describe("bad input", () => {
  const paths = Object.keys(procedures).sort();

  it("enumerates the procedures of appRouter, each with a sample when it takes input", () => {
    expect(paths.length).toBeGreaterThan(0);
    const withInput = paths.filter((path) => procedures[path]!._def.inputs.length > 0);
    expect(withInput.filter((path) => !PROCEDURES[path]?.input)).toEqual([]);
    expect(Object.keys(PROCEDURES).filter((path) => !procedures[path])).toEqual([]);
  });

  for (const path of paths) {
    it(
      `${path}: no 500 and no database change on failure, whatever the input`,
      async () => {
        const { f, tokens, userIds } = await fixture();
        const as = path.startsWith("admin.") || path.startsWith("post.") ? "staff" : "owner";
        let token = tokens[as];
        const schema = inputSchemaOf(path);
        const sample = PROCEDURES[path]?.input?.(sampleContext(f));

        // A real next-page cursor, to tamper with.
        let realCursor: string | null = null;
        if (schema?.properties?.cursor && schema.properties.limit && sample) {
          const { caller } = await callerWith(requestHeaders(token));
          const page = await procedureAt(caller, path)({ ...sample, limit: 1 });
          const next = (page as { nextCursor?: unknown }).nextCursor;
          expect(typeof next, `${path} should page with limit 1`).toBe("string");
          realCursor = next as string;
        }

        await fc.assert(
          // Shrinking calls the procedure each step: capped, so a failure costs seconds, not minutes.
          fc.asyncProperty(
            fc.limitShrink(inputArbitrary(schema, sample, realCursor), 60),
            async (input) => {
              const { caller } = await callerWith(requestHeaders(token));
              const before = await snapshot();
              let error: unknown = null;
              try {
                await procedureAt(caller, path)(input);
              } catch (caught) {
                error = caught;
              }
              if (error === null) {
                // The call may have ended the caller's session (sign-out): sign in again.
                const alive = await db.session.findUnique({ where: { id: hashToken(token) } });
                const account = await db.user.findUnique({ where: { id: userIds[as] } });
                if (!alive && account && !account.disabledAt) {
                  const session = await createSession(userIds[as], {
                    ipAddress: null,
                    userAgent: null,
                  });
                  token = session.id;
                }
                return;
              }
              const context = `${path}(${describeInput(input)})`;
              expect(error, context).toBeInstanceOf(TRPCError);
              const trpcError = error as TRPCError;
              expect(
                trpcError.code,
                `${context} → ${trpcError.message}${trpcError.cause ? ` (cause: ${String(trpcError.cause)})` : ""}`,
              ).not.toBe("INTERNAL_SERVER_ERROR");
              expect(() => formatError(trpcError, path, input), context).not.toThrow();
              expect(
                await snapshot(),
                `${context} failed with ${trpcError.code} but wrote`,
              ).toEqual(before);
            },
          ),
          {
            numRuns: NUM_RUNS,
            examples: (REGRESSIONS[path]?.(f) ?? []).map((input) => [input] as [unknown]),
          },
        );
      },
      30_000 + NUM_RUNS * 2_000,
    );
  }
});
