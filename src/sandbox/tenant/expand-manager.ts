import { badRequest } from "./graph-error.js";
import { parseSelect } from "./odata-select.js";
import type { SimulatedTenant } from "./simulated-tenant.js";
import type { SimulatedUser } from "./simulated-user.js";
import { asDirectoryObject, USER_PROPERTIES, type GraphUser } from "./to-graph-user.js";

export interface ManagerExpansion {
  select: string[] | undefined;
  /** 1 = the direct manager only; `$levels=max` walks to the top. */
  levels: number;
}

/** Graph's cap on a page of users when the manager is expanded. */
export const EXPANDED_PAGE_LIMIT = 100;

/** `$expand=manager`, `manager($select=id,displayName)` or `manager($levels=max;$select=...)`. */
export function parseManagerExpansion(raw: string | undefined): ManagerExpansion | undefined {
  if (raw === undefined) return undefined;
  const match = /^\s*manager\s*(?:\((.*)\))?\s*$/.exec(raw);
  if (match === null)
    throw badRequest(`Parsing OData Select and Expand failed: $expand '${raw}' is not supported; only manager can be expanded.`);
  let select: string[] | undefined;
  let levels = 1;
  for (const option of (match[1] ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")) {
    const [name, value = ""] = option.split("=", 2).map((part) => part.trim());
    if (name === "$select") select = parseSelect(value, USER_PROPERTIES, "microsoft.graph.user");
    else if (name === "$levels" && (value === "max" || /^[1-9]\d{0,3}$/.test(value))) levels = value === "max" ? 1000 : Number(value);
    else throw badRequest(`Parsing OData Select and Expand failed: '${option}' is not supported inside $expand=manager.`);
  }
  return { select, levels };
}

/** Adds the nested `manager` object(s) to a served user; absent when the user has no manager. */
export function withManager(row: GraphUser, user: SimulatedUser, tenant: SimulatedTenant, expansion: ManagerExpansion): GraphUser {
  const manager = user.managerId === null ? undefined : tenant.userById(user.managerId);
  if (manager === undefined || expansion.levels < 1) return row;
  const nested = asDirectoryObject(manager, expansion.select);
  const deeper = expansion.levels > 1 ? withManager(nested, manager, tenant, { ...expansion, levels: expansion.levels - 1 }) : nested;
  return { ...row, manager: deeper };
}
