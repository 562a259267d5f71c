import { describe, expect, it } from "vitest";
import { connectionFailureReason, databaseAddress, describeConnectionFailure } from "./db-errors";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
  code: "ECONNREFUSED",
});

describe("databaseAddress", () => {
  it("names host and port, never the credentials", () => {
    expect(databaseAddress("postgresql://u:secret@db.internal:6543/app")).toBe("db.internal:6543");
  });

  it("defaults the port to 5432", () => {
    expect(databaseAddress("postgres://localhost/app")).toBe("localhost:5432");
  });

  it("does not echo a malformed URL", () => {
    expect(databaseAddress("not a url secret")).toBe("(invalid DATABASE_URL)");
  });
});

describe("connectionFailureReason", () => {
  it("finds a network error code deep in the cause chain", () => {
    const wrapped = new Error("query failed", { cause: new Error("adapter", { cause: refused }) });
    expect(connectionFailureReason(wrapped)).toBe("connection refused (ECONNREFUSED)");
  });

  it("understands Prisma's and PostgreSQL's codes", () => {
    expect(connectionFailureReason({ code: "P1001" })).toBe("server not reachable (P1001)");
    expect(connectionFailureReason({ code: "3D000" })).toBe("database does not exist (3D000)");
  });

  it("reads the kind of a Prisma driver-adapter error", () => {
    const prismaError = Object.assign(new Error("Raw query failed"), {
      code: "P2010",
      meta: {
        driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } },
      },
    });
    expect(connectionFailureReason(prismaError)).toBe("server not reachable");
  });

  it("looks inside AggregateError (every address of a host refused)", () => {
    expect(connectionFailureReason(new AggregateError([refused]))).toContain("ECONNREFUSED");
  });

  it("returns null for errors that are not about connectivity", () => {
    expect(connectionFailureReason(Object.assign(new Error("dup"), { code: "23505" }))).toBeNull();
    expect(connectionFailureReason("boom")).toBeNull();
  });
});

describe("describeConnectionFailure", () => {
  it("writes one line naming host and port", () => {
    const line = describeConnectionFailure(refused, "postgresql://u:pw@10.0.0.5:5432/app");
    expect(line).toBe(
      "Cannot reach PostgreSQL at 10.0.0.5:5432: connection refused (ECONNREFUSED)",
    );
  });
});
