import type { Language } from "./card-data.js";

const LANGUAGES: readonly Language[] = ["en", "de", "fr", "es", "nl"];

/**
 * The card language for a language tag (Graph's `preferredLanguage` "de-DE", Teams' locale "nl-BE",
 * sometimes "de_DE" or just "DE"): its primary subtag when we have strings for it, else undefined.
 * The region is dropped on purpose: one German text serves de-DE, de-AT and de-CH alike.
 */
export function findLanguage(tag: string | null | undefined): Language | undefined {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LANGUAGES.find((language) => language === primary);
}

/** The language for a tag when we have it, English otherwise. */
export function pickLanguage(preferredLanguage: string | null | undefined): Language {
  return findLanguage(preferredLanguage) ?? "en";
}

/** The first of these tags, most wanted first, whose language we have; null when none is. */
export function firstKnownLanguage(...tags: (string | null | undefined)[]): string | null {
  return tags.find((tag) => findLanguage(tag) !== undefined) ?? null;
}
