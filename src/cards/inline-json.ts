/** JSON for inside a `<script>` element. "</script" would end the element early; \u003c is the same "<" to JSON.parse. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
