import type { DirectoryUser } from "../../src/graph/directory-user.js";
import type { RegistrationDetails } from "../../src/graph/registration-details.js";
import { completeSyncRun } from "../../src/store/complete-sync-run.js";
import type { Store } from "../../src/store/open-store.js";
import { insertDirectoryUsers, insertGroupMembers, insertRegistrations } from "../../src/store/snapshot-rows.js";
import { beginSyncRun } from "../../src/store/sync-runs.js";

export interface SeedPerson {
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly department?: string;
  readonly managerId?: string;
  readonly preferredLanguage?: string;
  /** Methods in the registration report; none means not registered. */
  readonly methods?: readonly string[];
  /** Group ids they are a member of. */
  readonly groups?: readonly string[];
}

/** UPNs are the given name, lower-cased, at contoso.com: "Ada" is ada@contoso.com. */
export const upnOf = (person: Pick<SeedPerson, "givenName">) => `${person.givenName.toLowerCase()}@contoso.com`;

/** A complete sync of exactly these people, as the directory sync would leave it in the store. */
export async function seedSnapshot(store: Store, at: Date, people: readonly SeedPerson[]): Promise<string> {
  const id = await beginSyncRun(store, at);
  const users: DirectoryUser[] = people.map((p) => ({
    id: p.id,
    userPrincipalName: upnOf(p),
    displayName: p.displayName,
    givenName: p.givenName,
    mail: upnOf(p),
    department: p.department ?? null,
    jobTitle: null,
    accountEnabled: true,
    userType: "Member",
    managerId: p.managerId ?? null,
    preferredLanguage: p.preferredLanguage ?? null,
    usageLocation: null,
  }));
  const registrations: RegistrationDetails[] = people.map((p) => ({
    userId: p.id,
    userPrincipalName: upnOf(p),
    isAdmin: false,
    isMfaRegistered: (p.methods ?? []).length > 0,
    isMfaCapable: (p.methods ?? []).length > 0,
    methodsRegistered: [...(p.methods ?? [])],
    userType: "member",
    lastUpdatedDateTime: null,
  }));
  await insertDirectoryUsers(store, id, users);
  await insertRegistrations(store, id, registrations);
  const groups = new Set(people.flatMap((p) => p.groups ?? []));
  for (const group of groups) {
    await insertGroupMembers(
      store,
      id,
      group,
      people.filter((p) => p.groups?.includes(group)).map((p) => p.id),
    );
  }
  await completeSyncRun(store, id, at, { users: users.length, registrations: registrations.length, report_pages: 1, user_pages: 1 });
  return id;
}
