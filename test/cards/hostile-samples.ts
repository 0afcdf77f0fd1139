import type { CardContext, CardName } from "../../src/cards/card-data.js";
import { adminSampleCards } from "./admin-card-samples.js";
import { sampleCards, type CardSample } from "./card-samples.js";

/** Where a hostile directory or a careless campaign file could put words in the bot's mouth. */
export const HOSTILE_TEXTS: Readonly<Record<string, string>> = {
  markdownLink: "[Verify now](https://evil.example/login)",
  bareUrl: "Verify at https://evil.example/login now",
  angleAutolink: "<https://evil.example/login>",
  htmlLink: '<a href="https://evil.example/login">Verify now</a>',
  image: "![x](https://evil.example/pixel.png)",
  referenceLink: "[Verify now][1]\n\n[1]: https://evil.example/login",
  protocolRelative: "//evil.example/login",
  www: "Verify at www.evil.example/login",
  otherSchemes: "mailto:attacker@evil.example javascript:alert(1) tel:+15550100",
  entities: "&#8238;&lt;b&gt; &#x5b;Verify&#x5d;(https://evil.example)",
  emphasis: "**Urgent** _now_ # Heading - item 1. item > quote `code` ~~strike~~ | a | b |",
  listStart: "- Verify now",
  numberedStart: "1. Verify now",
  bidiOverride: "Anna \u202eevil.exe\u202c Schmidt \u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d",
  zeroWidth: "ev\u200bil\u2060 \ufeffname\u00ad\u180e",
  controls: "ctrl\u0000\u0007\u001b[31m\u007f\u0085name\r\nnext\tline\u2028\u2029",
  helpdeskLookalike: "https://help.contoso.com.evil.example/login",
  templateInjection: "${registrationUrl} ${if(true, 'x', 'y')} {helpdesk}",
  longName: `${"Anna ".repeat(2000)}Schmidt`,
  longBrackets: "[".repeat(10_000),
  zalgo: `Z${"\u0301".repeat(5000)}algo`,
};

/** Keys whose values are dates, ids or codes: no directory text reaches them. */
const STRUCTURAL = new Set([
  "deadline",
  "until",
  "requestedAt",
  "since",
  "lastSync",
  "at",
  "date",
  "kind",
  "problem",
  "outboxId",
  "userId",
  "digestId",
  "managerId",
  "id",
  "action",
  "methodsRegistered",
  "methodsFound",
  "check",
  "status",
  "checkedAt",
  "state",
  "code",
  "commands",
]);

/** Every text field of `value` replaced by `text`, structure and identifiers kept. */
export function hostile<T>(value: T, text: string, key = ""): T {
  if (STRUCTURAL.has(key)) return value;
  if (typeof value === "string") return text as T;
  if (Array.isArray(value)) return value.map((item: unknown) => hostile(item, text, key)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, hostile(item, text, k)])) as T;
}

/** The campaign's free text (trusted, but it must not break a card either), its addresses kept. */
export function hostileContext(context: CardContext, text: string): CardContext {
  return { ...context, senderName: text, helpdesk: { ...context.helpdesk, name: text } };
}

/** Every card the bot can send, in English, with every outside text replaced by `text`. */
export function hostileSamples(text: string): CardSample[] {
  return [...sampleCards("en"), ...adminSampleCards("en")].map((sample) => ({
    ...sample,
    label: `${sample.label} [${text.slice(0, 40)}]`,
    card: hostile(sample.card, text),
    context: hostileContext(sample.context, text),
  }));
}

/** Each card name once, so a new card cannot slip past the hostile test: the compiler wants every one. */
export const EVERY_CARD: Record<CardName, true> = {
  reminder: true,
  signInHelp: true,
  thankYou: true,
  stillMissing: true,
  snoozed: true,
  helpRequested: true,
  noSmartphone: true,
  escalation: true,
  helpdeskNotice: true,
  status: true,
  pending: true,
  user: true,
  preview: true,
  help: true,
  welcome: true,
  digest: true,
  digestReminded: true,
  adminReport: true,
  alert: true,
  doctor: true,
  checking: true,
};
