import type { DirectoryChange, DirectoryUser, DirectoryUserPatch } from "./directory-user.js";
import type { RegistrationDetails } from "./registration-details.js";

/*
 * Graph's published shapes, read tolerantly: real tenants send empty strings where an enum is
 * expected, leave optional fields out, and (in delta rounds) mark deleted objects with @removed.
 * A row without an id cannot be matched to anyone, so it is dropped; anything else is kept with
 * what it has.
 */

type Json = Record<string, unknown>;

export function parseDirectoryUser(raw: unknown): DirectoryUser | undefined {
  if (!isObject(raw) || "@removed" in raw) return undefined;
  const id = text(raw.id);
  if (!id) return undefined;
  return {
    id,
    userPrincipalName: text(raw.userPrincipalName) ?? id,
    displayName: text(raw.displayName),
    givenName: text(raw.givenName),
    mail: text(raw.mail),
    department: text(raw.department),
    jobTitle: text(raw.jobTitle),
    // Graph omits accountEnabled only when it could not be read; treat that as enabled so a
    // person is never silently dropped from the campaign.
    accountEnabled: raw.accountEnabled !== false,
    userType: text(raw.userType),
    managerId: managerIdOf(raw),
    preferredLanguage: text(raw.preferredLanguage),
    usageLocation: text(raw.usageLocation),
  };
}

/**
 * An entry of a /users/delta round that follows a deltaLink: `{ id, "@removed": { reason } }` for
 * a user gone from the directory (either reason: the recycle bin or for good, neither is listed by
 * /users), else the properties sent, and only those (learn.microsoft.com/graph/delta-query-overview:
 * "updated instances are represented by their id with at least the properties that have been updated").
 */
export function parseDirectoryChange(raw: unknown): DirectoryChange | undefined {
  if (!isObject(raw)) return undefined;
  const id = text(raw.id);
  if (!id) return undefined;
  if ("@removed" in raw) return { kind: "removed", id };
  const fields: { -readonly [K in keyof DirectoryUserPatch["fields"]]: DirectoryUserPatch["fields"][K] } = {};
  const has = (name: string) => name in raw;
  if (has("userPrincipalName")) fields.userPrincipalName = text(raw.userPrincipalName) ?? id;
  if (has("displayName")) fields.displayName = text(raw.displayName);
  if (has("givenName")) fields.givenName = text(raw.givenName);
  if (has("mail")) fields.mail = text(raw.mail);
  if (has("department")) fields.department = text(raw.department);
  if (has("jobTitle")) fields.jobTitle = text(raw.jobTitle);
  if (has("accountEnabled")) fields.accountEnabled = raw.accountEnabled !== false;
  if (has("userType")) fields.userType = text(raw.userType);
  if (has("manager@delta") || has("manager")) fields.managerId = managerIdOf(raw);
  if (has("preferredLanguage")) fields.preferredLanguage = text(raw.preferredLanguage);
  if (has("usageLocation")) fields.usageLocation = text(raw.usageLocation);
  return { kind: "patch", patch: { id, fields } };
}

export function parseRegistrationDetails(raw: unknown): RegistrationDetails | undefined {
  if (!isObject(raw)) return undefined;
  const userId = text(raw.id);
  if (!userId) return undefined;
  return {
    userId,
    userPrincipalName: text(raw.userPrincipalName) ?? userId,
    isAdmin: raw.isAdmin === true,
    isMfaRegistered: raw.isMfaRegistered === true,
    isMfaCapable: raw.isMfaCapable === true,
    methodsRegistered: Array.isArray(raw.methodsRegistered)
      ? raw.methodsRegistered.filter((m): m is string => typeof m === "string" && m !== "")
      : [],
    userType: text(raw.userType),
    lastUpdatedDateTime: text(raw.lastUpdatedDateTime),
  };
}

/** /users/delta carries the manager as `manager@delta: [{ id }]`; /users?$expand=manager as `manager: { id }`. */
function managerIdOf(raw: Json): string | null {
  const delta = raw["manager@delta"];
  if (Array.isArray(delta)) {
    const first: unknown = delta.find((m) => isObject(m) && !("@removed" in m));
    return isObject(first) ? text(first.id) : null;
  }
  return isObject(raw.manager) ? text(raw.manager.id) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
