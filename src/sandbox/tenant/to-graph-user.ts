import type { FilterableProperties } from "./compile-odata-filter.js";
import type { SimulatedUser } from "./simulated-user.js";

/** What GET /users returns without $select (Graph v1.0's default property set), in Graph's order. */
export const DEFAULT_USER_PROPERTIES: readonly string[] = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];

/**
 * The microsoft.graph.user properties the simulated tenant can $select. Those it does not model
 * (officeLocation, companyName, ...) are served as null, as Graph does for empty properties.
 */
export const USER_PROPERTIES: ReadonlySet<string> = new Set([
  ...DEFAULT_USER_PROPERTIES,
  "accountEnabled",
  "department",
  "userType",
  "usageLocation",
  "createdDateTime",
  "mailNickname",
  "companyName",
  "employeeId",
  "city",
  "country",
  "otherMails",
  "proxyAddresses",
]);

/** Properties $filter accepts on /users (a subset of what Graph's directory supports). */
export const USER_FILTERABLE: FilterableProperties = {
  scalars: new Set([
    "id",
    "userPrincipalName",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "department",
    "jobTitle",
    "accountEnabled",
    "userType",
    "usageLocation",
    "preferredLanguage",
    "mailNickname",
    "employeeId",
  ]),
  collections: new Set(["otherMails", "proxyAddresses"]),
};

export type GraphUser = Record<string, unknown>;

/** Every selectable property of one user, named as microsoft.graph.user names them. */
export function toGraphUser(user: SimulatedUser): GraphUser {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: user.mobilePhone,
    officeLocation: null,
    preferredLanguage: user.preferredLanguage,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    department: user.department,
    userType: user.userType,
    usageLocation: user.usageLocation,
    createdDateTime: user.createdDateTime,
    mailNickname: user.userPrincipalName.split("@")[0] ?? null,
    companyName: null,
    employeeId: null,
    city: null,
    country: null,
    otherMails: [],
    proxyAddresses: user.mail === null ? [] : [`SMTP:${user.mail}`],
  };
}

/** The selected properties, or Graph's default set when nothing was selected. */
export function pickUserProperties(full: GraphUser, select: readonly string[] | undefined): GraphUser {
  const out: GraphUser = {};
  for (const name of select ?? DEFAULT_USER_PROPERTIES) out[name] = full[name];
  return out;
}

/** A user where Graph serves a directoryObject (manager, group members): typed with @odata.type. */
export function asDirectoryObject(user: SimulatedUser, select: readonly string[] | undefined): GraphUser {
  return { "@odata.type": "#microsoft.graph.user", ...pickUserProperties(toGraphUser(user), select) };
}
