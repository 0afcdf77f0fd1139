import MarkdownIt from "markdown-it";
import { nodes } from "./card-nodes.js";

// The Markdown the adaptivecards renderer applies (markdown-it, as its own renderer looks for), with
// linkify on as a Teams client turns bare addresses into links: any scheme ("https://", "mailto:"),
// protocol-relative "//host" and "www.". Bare domains without either ("contoso.com") are not
// counted: UPNs are email addresses, and linkify's fuzzy mode would flag every one of them.
const markdown = new MarkdownIt({ linkify: true });
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });

/** Every text in a card that Teams renders as Markdown: TextBlock texts, fact titles and values. */
export function markdownTexts(value: unknown): string[] {
  return nodes(value).flatMap((node): string[] => {
    if (node.type === "TextBlock" && typeof node.text === "string") return [node.text];
    if (node.type === "FactSet" && Array.isArray(node.facts)) {
      return (node.facts as Record<string, unknown>[])
        .flatMap((fact) => [fact.title, fact.value])
        .filter((text): text is string => typeof text === "string");
    }
    return [];
  });
}

/** The text as the renderer draws it: HTML from markdown-it. */
export function renderMarkdown(text: string): string {
  return markdown.renderInline(text);
}

/**
 * Every address a reader could follow from the card: the url of every action and element, and every
 * link or image Markdown makes of its texts, rendered as above; also "](" and "www." and "//" left in
 * a text's source (outside the card's own addresses, `own`), which a client that ignored escapes
 * would still turn into a link.
 */
export function linksIn(value: unknown, own: readonly string[]): string[] {
  const urls = nodes(value)
    .map((node) => node.url)
    .filter((url): url is string => typeof url === "string");
  for (const text of markdownTexts(value)) {
    const html = renderMarkdown(text);
    for (const match of html.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]*)"/g)) urls.push(decodeHtml(match[1] ?? ""));
    const source = own.reduce((rest, address) => rest.split(address).join(" "), text);
    for (const match of source.matchAll(/\]\(|www\.|\/\//gi)) urls.push(`raw ${match[0]} in: ${text}`);
  }
  return urls;
}

function decodeHtml(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}
