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
const MARK = /\p{M}/u;

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
    .slice(0, maxLength * 16)
    .replace(BREAKS, " ")
    .replace(INVISIBLE, "")
    .replace(/\s+/gu, " ")
    .trim();
  const kept: string[][] = [];
  let length = 0;
  for (const { segment } of graphemes.segment(clean)) {
    const points = tameMarks(segment);
    if (length + points.length > maxLength) {
      // Room for the ellipsis, whole characters only; a space just before it reads as a gap.
      while (kept.length > 0 && length + 1 > maxLength) length -= kept.pop()?.length ?? 0;
      return `${kept
        .map((p) => p.join(""))
        .join("")
        .trimEnd()}…`;
    }
    kept.push(points);
    length += points.length;
  }
  return kept.map((p) => p.join("")).join("");
}

function tameMarks(grapheme: string): string[] {
  const points = Array.from(grapheme);
  if (points.length <= MARKS_PER_CHARACTER) return points;
  let marks = 0;
  return points.filter((point) => !MARK.test(point) || ++marks <= MARKS_PER_CHARACTER);
}
