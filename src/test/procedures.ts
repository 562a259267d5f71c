/**
 * The app's procedures as tests call them.
 */

/** A procedure of a tRPC caller, called with one input. */
export type Procedure = (input: unknown) => Promise<unknown>;

/**
 * The procedure at dotted `path` ("admin.users.list") of a caller made by `createCaller`.
 * @throws Error when no procedure has that path.
 */
export function procedureAt(caller: unknown, path: string): Procedure {
  let node = caller as Record<string, unknown>;
  for (const key of path.split(".")) node = node[key] as Record<string, unknown>;
  if (typeof node !== "function") throw new Error(`No procedure is called "${path}".`);
  return node as unknown as Procedure;
}
