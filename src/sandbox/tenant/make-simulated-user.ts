import type { SimulatedUser } from "./simulated-user.js";

export type SimulatedUserFields = Pick<SimulatedUser, "id" | "userPrincipalName" | "displayName"> & Partial<SimulatedUser>;

/** A member who is enabled, in the report and registered for nothing, unless told otherwise. */
export function makeSimulatedUser(fields: SimulatedUserFields): SimulatedUser {
  return {
    givenName: null,
    surname: null,
    mail: null,
    department: null,
    jobTitle: null,
    accountEnabled: true,
    userType: "Member",
    managerId: null,
    preferredLanguage: null,
    usageLocation: null,
    createdDateTime: "2020-01-01T00:00:00.000Z",
    mobilePhone: null,
    kind: "person",
    isAdmin: false,
    methodsRegistered: [],
    inReport: true,
    registrationChanges: [],
    teamsAppInstalled: false,
    teamsAppBlocked: false,
    teamsAppInstalledDateTime: null,
    ...fields,
  };
}
