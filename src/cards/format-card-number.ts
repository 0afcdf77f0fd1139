import type { Language } from "./card-data.js";
import { cardLocale } from "./card-locale.js";
import type { CardText } from "./card-text.js";

/** A count as the reader writes it: "1,234", "1.234", "1 234". */
export function formatCardCount(count: number, language: Language): string {
  return new Intl.NumberFormat(cardLocale(language)).format(count);
}

/**
 * A percentage (0 to 100) with at most one decimal, its sign placed as the language places it
 * ("64.2 %", "64,2 %", "64,2%"), from the strings' `number.percent`. Rounding never shows 100 %
 * for anything less, nor 0 % for anything more: in an MFA rollout "100 %" means nobody is left.
 */
export function formatCardPercent(percent: number, text: CardText): string {
  const value = new Intl.NumberFormat(cardLocale(text.language), { maximumFractionDigits: 1 }).format(roundPercent(percent));
  return text.text("number.percent", { value });
}

/** A percentage to one decimal, never rounded up to 100 nor down to 0 (see {@link formatCardPercent}). */
export function roundPercent(percent: number): number {
  const rounded = Math.round(percent * 10) / 10;
  if (rounded >= 100 && percent < 100) return 99.9;
  if (rounded <= 0 && percent > 0) return 0.1;
  return rounded;
}

/** `part` as a percentage of `whole`; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
