/**
 * Teams reads a TextBlock's text and a fact's title and value as Markdown: bold, italic, lists and
 * `[title](url)` links (learn.microsoft.com, Teams "Format cards in Teams"), and its clients turn
 * bare addresses into links too. A card's text must show literally what it says, so every character
 * Markdown gives a meaning is backslash-escaped, as CommonMark defines for all ASCII punctuation.
 * Teams' desktop and web clients honour the escapes; its mobile clients once showed the backslashes
 * (github.com/microsoft/AdaptiveCards issue 5590, fixed for Android in microsoft/Teams-AdaptiveCards-
 * Mobile pull request 58), which is ugly but safe.
 *
 * Escaping alone is not trusted with links, since a client that ignores an escape would show the link
 * anyway; so an address that is not one of the card's own (`keep`: the registration page, the
 * helpdesk's web address and email) is also broken where every linkifier looks: "//" gets a
 * division slash for its second slash, a "mailto:"-like scheme a modifier-letter colon, "www." a
 * one-dot leader. They look the same to a reader and link nowhere. Characters that reorder or hide
 * text (bidi overrides, zero-width spaces, controls) are removed.
 */
export function escapeCardText(text: string, keep: readonly string[] = []): string {
  const addresses = keep.filter((address) => address !== "").sort((a, b) => b.length - a.length);
  if (addresses.length === 0) return escapeLines(defang(withoutHiddenCharacters(text)));
  // An address counts as one of the card's own only where it ends: "https://help.contoso.com.evil.example"
  // merely starts like it.
  const pattern = new RegExp(`((?:${addresses.map(escapeRegExp).join("|")})(?=$|[\\s)\\]>,;!?'"]|[.:](?:\\s|$)))`);
  return withoutHiddenCharacters(text)
    .split(pattern)
    .map((part, i) => (i % 2 === 1 ? part : escapeLines(defang(part))))
    .join("");
}

// Format characters other than ZWNJ and ZWJ, controls other than line breaks, lone surrogates.
const HIDDEN = /(?!\u200c|\u200d|\n)[\p{Cf}\p{Cs}\p{Cc}]/gu;

function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, "");
}

const SCHEMES_WITHOUT_SLASHES =
  /\b(mailto|tel|callto|sms|sips?|im|xmpp|javascript|vbscript|data|file|news|skype|msteams|ms-[a-z-]+)(?=:)/giu;

function defang(text: string): string {
  return text
    .replace(/\/\//g, "/\u2215")
    .replace(new RegExp(`${SCHEMES_WITHOUT_SLASHES.source}:`, "giu"), "$1\ua789")
    .replace(/\b(www)\./giu, "$1\u2024");
}

// Punctuation that means something in Teams' Markdown, in any position: escapes, emphasis, strike,
// code, links and images, autolinks and HTML, entities ("&#8238;" is a bidi override), headings,
// tables, braces.
const ANYWHERE = /[\\`*_~[\]()<>!&#|{}]/g;
// At the start of a line only: list items ("- ", "+ ", "1. ").
const LIST_MARKER = /^(\s*)([-+])(?=\s|$)|^(\s*\d{1,9})\./;

function escapeLines(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line.replace(ANYWHERE, "\\$&").replace(LIST_MARKER, (_, space?: string, bullet?: string, number?: string) => {
        return bullet !== undefined ? `${space ?? ""}\\${bullet}` : `${number ?? ""}\\.`;
      }),
    )
    .join("\n");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
