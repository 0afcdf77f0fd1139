/** A person (or account) as the directory describes them: Graph's user, the fields we keep. */
export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly givenName: string | null;
  readonly mail: string | null;
  readonly department: string | null;
  readonly jobTitle: string | null;
  readonly accountEnabled: boolean;
  readonly userType: string | null;
  readonly managerId: string | null;
  readonly preferredLanguage: string | null;
  readonly usageLocation: string | null;
}

/**
 * One user in a /users/delta round after the first: the properties Graph sent (a changed user comes
 * with its id and at least the properties that changed; a new one with all of them).
 */
export interface DirectoryUserPatch {
  readonly id: string;
  readonly fields: Partial<Omit<DirectoryUser, "id">>;
}

/** One entry of a delta round: a user to add or change, or one that left the directory. */
export type DirectoryChange =
  { readonly kind: "patch"; readonly patch: DirectoryUserPatch } | { readonly kind: "removed"; readonly id: string };

/** The $select the sync asks for: exactly Graph's property names. */
export const directoryUserSelect = [
  "id",
  "userPrincipalName",
  "displayName",
  "givenName",
  "mail",
  "department",
  "jobTitle",
  "accountEnabled",
  "userType",
  "preferredLanguage",
  "usageLocation",
  "manager",
].join(",");
