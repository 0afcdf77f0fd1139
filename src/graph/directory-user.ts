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
