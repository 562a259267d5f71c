/**
 * A workspace keeps exactly one owner while ownership changes race: a transfer against a removal,
 * a role change, a second transfer, the new owner leaving or deleting their account. Each pair
 * runs in every order where one call runs inside the other between two of its SQL statements
 * (src/test/interleave.ts), through the tRPC callers, so a loser's error is what a client gets.
 */
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { cleanDatabaseBeforeEach } from "@/test/database";
import { forEachInterleaving, type Outcomes } from "@/test/interleave";
import { callerWith, requestHeaders, signedInUser } from "@/test/trpc";

cleanDatabaseBeforeEach();

type Caller = Awaited<ReturnType<typeof callerWith>>["caller"];
interface Person {
  id: string;
  password: string;
  caller: Caller;
}
interface Team {
  slug: string;
  ada: Person;
  bob: Person;
  carol: Person;
}

async function person(email: string): Promise<Person> {
  const { user, password, token } = await signedInUser(email);
  const { caller } = await callerWith(requestHeaders(token));
  return { id: user.id, password, caller };
}

/**
 * Builds each run's state: a new workspace that Ada owns and Bob and Carol administer. The
 * people are made once, unless `freshBob` (for runs that may delete Bob's account).
 */
function teams({ freshBob = false } = {}) {
  let runs = 0;
  let people: Promise<Omit<Team, "slug">> | undefined;
  return async (): Promise<Team> => {
    people ??= (async () => ({
      ada: await person("ada@example.com"),
      bob: await person("bob@example.com"),
      carol: await person("carol@example.com"),
    }))();
    const { ada, bob: sameBob, carol } = await people;
    const slug = `race-${++runs}`;
    const bob = freshBob ? await person(`bob-${runs}@example.com`) : sameBob;
    await db.workspace.create({
      data: {
        name: slug,
        slug,
        memberships: {
          create: [
            { userId: ada.id, role: "owner" },
            { userId: bob.id, role: "admin" },
            { userId: carol.id, role: "admin" },
          ],
        },
      },
    });
    return { slug, ada, bob, carol };
  };
}

/** "ok", or the tRPC code and message a call failed with; anything but a TRPCError is rethrown. */
function describeOutcome(outcome: PromiseSettledResult<unknown>): string {
  if (outcome.status === "fulfilled") return "ok";
  if (!(outcome.reason instanceof TRPCError)) throw outcome.reason;
  return `${outcome.reason.code}: ${outcome.reason.message}`;
}

/** Checks each run against the results a serial order could give: outcomes and who owns. */
function expectOneOf(allowed: { outcomes: [string, string]; owners: (keyof Team)[] }[]) {
  return async (team: Team, outcomes: Outcomes, order: string) => {
    const owners = await db.membership.findMany({
      where: { workspace: { slug: team.slug }, role: "owner" },
      select: { userId: true },
    });
    const names = owners.map(
      (o) => (["ada", "bob", "carol"] as const).find((n) => team[n].id === o.userId) ?? o.userId,
    );
    expect({ outcomes: outcomes.map(describeOutcome), owners: names }, order).toBeOneOf(allowed);
  };
}

const NOT_A_MEMBER = "NOT_FOUND: This person is not a member.";
const OWNER_ROLE_FIXED = "FORBIDDEN: The owner's role changes only by transferring ownership.";
const ADMIN_CANNOT_TRANSFER =
  "FORBIDDEN: Your role (admin) does not allow this (workspace:transfer).";

// Some twenty runs a test, several of which wait BLOCKED_MS for a call that is blocked.
describe("exactly one owner under concurrent ownership changes", { timeout: 60_000 }, () => {
  it("transfer to Bob while Carol removes Bob", async () => {
    await forEachInterleaving(
      teams(),
      ({ slug, ada, bob, carol }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () => carol.caller.member.remove({ workspaceSlug: slug, userId: bob.id }),
      ],
      expectOneOf([
        { outcomes: ["ok", OWNER_ROLE_FIXED], owners: ["bob"] },
        { outcomes: [NOT_A_MEMBER, "ok"], owners: ["ada"] },
      ]),
    );
  });

  it("transfer to Bob while Carol makes Bob a member", async () => {
    await forEachInterleaving(
      teams(),
      ({ slug, ada, bob, carol }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () =>
          carol.caller.member.updateRole({ workspaceSlug: slug, userId: bob.id, role: "member" }),
      ],
      expectOneOf([
        { outcomes: ["ok", OWNER_ROLE_FIXED], owners: ["bob"] },
        { outcomes: ["ok", "ok"], owners: ["bob"] },
      ]),
    );
  });

  it("two transfers at once, to Bob and to Carol", async () => {
    await forEachInterleaving(
      teams(),
      ({ slug, ada, bob, carol }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: carol.id }),
      ],
      expectOneOf([
        { outcomes: ["ok", ADMIN_CANNOT_TRANSFER], owners: ["bob"] },
        { outcomes: [ADMIN_CANNOT_TRANSFER, "ok"], owners: ["carol"] },
      ]),
    );
  });

  it("transfer to Bob while Bob leaves", async () => {
    await forEachInterleaving(
      teams(),
      ({ slug, ada, bob }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () => bob.caller.workspace.leave({ workspaceSlug: slug }),
      ],
      expectOneOf([
        { outcomes: ["ok", "CONFLICT: Transfer ownership before leaving."], owners: ["bob"] },
        { outcomes: [NOT_A_MEMBER, "ok"], owners: ["ada"] },
      ]),
    );
  });

  it("transfer to Bob while Ada leaves", async () => {
    await forEachInterleaving(
      teams(),
      ({ slug, ada, bob }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () => ada.caller.workspace.leave({ workspaceSlug: slug }),
      ],
      expectOneOf([
        { outcomes: ["ok", "ok"], owners: ["bob"] },
        { outcomes: ["ok", "CONFLICT: Transfer ownership before leaving."], owners: ["bob"] },
      ]),
    );
  });

  it("transfer to Bob while Bob deletes his account", async () => {
    await forEachInterleaving(
      teams({ freshBob: true }),
      ({ slug, ada, bob }) => [
        () => ada.caller.workspace.transferOwnership({ workspaceSlug: slug, userId: bob.id }),
        () => bob.caller.account.delete({ password: bob.password }),
      ],
      async (team, outcomes, order) => {
        await expectOneOf([
          {
            outcomes: [
              "ok",
              `CONFLICT: Transfer ownership of "${team.slug}" before deleting your account.`,
            ],
            owners: ["bob"],
          },
          { outcomes: [NOT_A_MEMBER, "ok"], owners: ["ada"] },
        ])(team, outcomes, order);
      },
    );
  });
});
