import type { Language } from "./card-data.js";

const LANGUAGES: readonly Language[] = ["en", "de", "fr", "es", "nl"];

/**
 * The card language for a Graph `preferredLanguage` ("de-DE", "nl-BE", sometimes "de_DE" or just
 * "DE"): its primary subtag when we have strings for it, English otherwise. The region is dropped
 * on purpose: one German text serves de-DE, de-AT and de-CH alike.
 */
export function pickLanguage(preferredLanguage: string | null | undefined): Language {
  const primary = (preferredLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return LANGUAGES.find((language) => language === primary) ?? "en";
}
