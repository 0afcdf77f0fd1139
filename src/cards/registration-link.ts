/**
 * The registration URL checked, and the address to print beside it ("aka.ms/mysecurityinfo"), so a
 * wary reader can see where the button goes or type it themselves. Only https is accepted: this is
 * the one link every reminder carries.
 */
export function registrationLink(registrationUrl: string): { url: string; address: string } {
  const url = URL.canParse(registrationUrl) ? new URL(registrationUrl) : undefined;
  if (url?.protocol !== "https:") {
    throw new Error(`The registration URL must be an https:// address, got "${registrationUrl}".`);
  }
  const path = url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "");
  return { url: registrationUrl, address: `${url.host}${path}${url.search}` };
}
