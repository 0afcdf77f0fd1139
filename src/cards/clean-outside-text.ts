/**
 * The longest text a card shows from outside: Entra's longest directory string, a displayName, is
 * 256 characters (learn.microsoft.com, Graph "user resource type": displayName, max length 256).
 */
export const OUTSIDE_TEXT_LENGTH = 256;

// Combining marks kept per character: enough for Vietnamese, Devanagari or Tibetan stacks, too few
// for "Zalgo" text whose marks climb over the lines above and below.
const MARKS_PER_CHARACTER = 8;

// Controls, line and paragraph separators: each becomes a space, so "a\nb" stays two words.
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
// Format characters (bidi embeddings, overrides and isolates, zero-width spaces, the BOM, soft
// hyphens, tags) and lone surrogates: removed. A right-to-left override turns "exe.pdf" into
// "fdp.exe" on screen; none has any place in a name. ZWNJ and ZWJ stay: Persian, the Indic scripts
// and emoji sequences are spelt with them, and they cannot reorder or hide text.
const INVISIBLE = /(?!\u200c|\u200d)[\p{Cf}\p{Cs}]/gu;
// A run of combining marks beyond the first eight.
const MARK_PILE = new RegExp(`(\\p{M}{${MARKS_PER_CHARACTER}})\\p{M}+`, "gu");

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Text from outside the bot (the directory, the campaign file, what someone typed), made fit to
 * show on one line of a card: no control, bidi or zero-width characters, runs of white space as
 * one space, at most `maxLength` characters (cut between letters, ending in "…"). Markdown is the
 * card's business: see escapeCardText.
 */
export function cleanOutsideText(value: string, maxLength: number = OUTSIDE_TEXT_LENGTH): string {
  // Only a bounded prefix can survive the cut, so a 500,000-character value costs no more than a short one.
  const clean = value
    .slice(0, maxLength * 4)
    .replace(BREAKS, " ")
    .replace(INVISIBLE, "")
    .replace(MARK_PILE, "$1")
    .replace(/\s+/gu, " ")
    .trim();
  // Most text is short: counting code points is enough. Only a cut needs to know where letters end.
  if (clean.length <= maxLength) return clean;
  const points = Array.from(clean);
  if (points.length <= maxLength) return clean;
  return `${wholeCharacters(points.slice(0, maxLength - 1).join(""), clean).trimEnd()}…`;
}

/**
 * `head`, a prefix of `text`, without a last character the cut split ("e" of "é" written as e and a
 * combining accent, half an emoji sequence). Only the end is segmented: V8's segmenter costs about a
 * microsecond a character.
 */
function wholeCharacters(head: string, text: string): string {
  const from = Math.max(0, head.length - 32);
  let end = from;
  for (const { index, segment } of graphemes.segment(text.slice(from, head.length + 32))) {
    if (from + index + segment.length > head.length) break;
    end = from + index + segment.length;
  }
  return head.slice(0, end);
}
