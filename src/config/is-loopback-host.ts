import { isIPv4 } from "node:net";

/**
 * Whether a host name (as URL.hostname gives it, IPv6 in brackets) is this machine: localhost,
 * 127.0.0.0/8 or ::1. Only there may a token or an unauthenticated endpoint travel in clear text,
 * since nothing on the network can read it.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}

/** https anywhere, or plain http to this machine only (the simulated services, a local proxy). */
export function isSecureOrLoopback(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === "https:" || (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname));
}
