// Self-service password reset methods and the Temporary Access Pass (a pass for setting methods up).
const NOT_SECOND_FACTORS = new Set(["email", "securityQuestion", "temporaryAccessPass"]);

/**
 * Email and security questions are self-service password reset methods only, and a Temporary Access
 * Pass is a time-limited onboarding pass: none is a second factor, so a user with only those is not
 * MFA-registered.
 */
export function isMfaRegistered(methods: readonly string[]): boolean {
  return methods.some((method) => !NOT_SECOND_FACTORS.has(method));
}
