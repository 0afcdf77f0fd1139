/**
 * One directory object of the simulated tenant: the fields Graph serves for it, its registration
 * state, and its Teams state. Plain data, so other fakes (the simulated Teams connector) can read and
 * flip it directly.
 */
export type UserKind = "person" | "guest" | "service" | "breakGlass";

/** Values of userRegistrationDetails.methodsRegistered that the simulated tenant hands out. */
export type RegisteredMethod =
  | "microsoftAuthenticatorPush"
  | "microsoftAuthenticatorPasswordless"
  | "softwareOneTimePasscode"
  | "mobilePhone"
  | "alternateMobilePhone"
  | "officePhone"
  | "fido2SecurityKey"
  | "windowsHelloForBusiness"
  | "email";

/** A registration made after the report was last computed; the report shows it only after its lag. */
export interface RegistrationChange {
  atMs: number;
  /** The methods before this change, which the report keeps showing until the change is visible. */
  before: string[];
  after: string[];
}

export interface SimulatedUser {
  // Directory fields, named as on microsoft.graph.user.
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  department: string | null;
  jobTitle: string | null;
  accountEnabled: boolean;
  userType: "Member" | "Guest";
  managerId: string | null;
  preferredLanguage: string | null;
  usageLocation: string | null;
  /** ISO 8601, UTC. */
  createdDateTime: string;
  /** The directory's contact number (not an authentication method); null when none is on file. */
  mobilePhone: string | null;

  kind: UserKind;
  // Registration state, as the userRegistrationDetails report would compute it.
  isAdmin: boolean;
  /** The live methods: what /authentication/methods shows now. */
  methodsRegistered: string[];
  /** False for a few people created in the last day: the report has not caught up with them yet. */
  inReport: boolean;
  /** Registrations since generation, oldest first; see reportView for how the report lags them. */
  registrationChanges: RegistrationChange[];

  // Teams state, read and written by the simulated Graph server and the simulated Teams connector.
  teamsAppInstalled: boolean;
  /** An app permission policy refuses installing the app for this user (Graph answers 403). */
  teamsAppBlocked: boolean;
  /** ISO 8601; when the app was installed for this user, null when it is not installed. */
  teamsAppInstalledDateTime: string | null;
}
