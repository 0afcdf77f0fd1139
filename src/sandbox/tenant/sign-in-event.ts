/**
 * One entry of the simulated tenant's sign-in log: what Entra ID wrote when someone signed in (or
 * was stopped). Plain data; sign-in-log-route.ts serves it in the microsoft.graph.signIn shape.
 */
export interface SignInEvent {
  readonly id: string;
  /** ISO 8601, UTC. */
  readonly createdDateTime: string;
  readonly userId: string;
  readonly appId: string;
  readonly appDisplayName: string;
  /** 0 for success; 50072 / 50079 when Entra stopped them to register a second factor. */
  readonly errorCode: number;
}

/**
 * Entra ID's own wording of the codes the simulated log writes (learn.microsoft.com, "Microsoft Entra
 * authentication and authorization error codes").
 */
export const SIGN_IN_FAILURE_REASONS: Readonly<Record<number, string>> = {
  50072: "User needs to enroll for second factor authentication (interactive).",
  50074: "Strong Authentication is required.",
  50079: "User needs to enroll for second factor authentication.",
  50126: "Error validating credentials due to invalid username or password.",
};

/** First-party apps people sign in to, with their well-known application ids. */
export const SIGN_IN_APPS = [
  { appId: "00000002-0000-0ff1-ce00-000000000000", appDisplayName: "Office 365 Exchange Online" },
  { appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264", appDisplayName: "Microsoft Teams" },
  { appId: "00000003-0000-0ff1-ce00-000000000000", appDisplayName: "Office 365 SharePoint Online" },
  { appId: "4765445b-32c6-49b0-83e6-1d93765276ca", appDisplayName: "OfficeHome" },
] as const;
