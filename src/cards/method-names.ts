import type { CardText } from "./card-text.js";

// Everyone has a password and it is never the second method, so listing it would only confuse;
// the live check (/authentication/methods) returns it alongside the rest.
const NOT_SHOWN = new Set(["password", "none"]);

/**
 * Graph methodsRegistered values in plain words ("mobilePhone" → "Text message or call to your
 * mobile"), duplicates removed. A value Microsoft adds later shows as itself until it is translated,
 * which beats hiding a method the person knows they registered.
 */
export function methodNames(methods: readonly string[], text: CardText): string[] {
  return [...new Set(methods)]
    .filter((method) => !NOT_SHOWN.has(method))
    .map((method) => (/^\w+$/.test(method) && text.has(`methods.${method}`) ? text.text(`methods.${method}`) : method));
}
