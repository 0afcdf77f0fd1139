/**
 * Email is a self-service password reset method only; it cannot be used as a second factor, so a
 * user with `email` alone is not MFA-registered (this matches how Entra ID computes isMfaRegistered).
 */
export function isMfaRegistered(methods: readonly string[]): boolean {
  return methods.some((method) => method !== "email");
}
