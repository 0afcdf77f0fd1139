/** One row of Graph's userRegistrationDetails report, the fields we keep. */
export interface RegistrationDetails {
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly isAdmin: boolean;
  readonly isMfaRegistered: boolean;
  readonly isMfaCapable: boolean;
  readonly methodsRegistered: readonly string[];
  readonly userType: string | null;
  readonly lastUpdatedDateTime: string | null;
}
