import type { Language } from "./card-data.js";

// British English to match the strings' spelling; the other languages as spoken in their main country.
const LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", de: "de-DE", fr: "fr-FR", es: "es-ES", nl: "nl-NL" };

/** The BCP 47 locale that dates and numbers on a card in `language` are formatted for. */
export function cardLocale(language: Language): string {
  return LOCALES[language];
}
