/** Number and time formatting shared by everything that prints for people. */

export const formatCount = (n: number): string => n.toLocaleString("en-GB");

export function formatElapsed(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${minutes}:${seconds}`;
}

/** A bar of `width` cells filled to `share` (0..1), for charts in a terminal. */
export function bar(share: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}
