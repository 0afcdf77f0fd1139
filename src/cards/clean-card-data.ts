import { cleanOutsideText } from "./clean-outside-text.js";

/**
 * A card's facts with every string made fit to show (see cleanOutsideText): names, departments,
 * phases, reasons, what an admin typed. Identifiers and ISO dates pass unchanged, as they hold no
 * character the cleaning touches; numbers and booleans are left alone.
 */
export function cleanCardData<T>(value: T): T {
  if (typeof value === "string") return cleanOutsideText(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanCardData(item)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanCardData(item)])) as T;
}
