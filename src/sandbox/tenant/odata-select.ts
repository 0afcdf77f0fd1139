import { badRequest } from "./graph-error.js";

/**
 * Parses `$select=a,b` against the properties a type has. Graph rejects unknown names with this
 * message, so a typo in the bot shows up in tests rather than as silently missing data.
 */
export function parseSelect(raw: string | undefined, known: ReadonlySet<string>, typeName: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (!known.has(name)) {
      throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${typeName}'.`);
    }
  }
  return [...new Set(names)];
}

/** Keeps only `names` (in the order given), or everything when there is no $select. */
export function applySelect<T extends object>(row: T, names: readonly string[] | undefined): Partial<T> {
  if (names === undefined) return row;
  const out: Record<string, unknown> = {};
  const source = row as Record<string, unknown>;
  for (const name of names) if (name in source) out[name] = source[name];
  return out as Partial<T>;
}
