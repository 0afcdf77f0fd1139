import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cardsDir } from "./cards-dir.js";
import { escapeHtml } from "./escape-html.js";
import { inlineJson } from "./inline-json.js";

export interface CardPreviewSection {
  title: string;
  cards: object[];
}

export interface CardPreviewOptions {
  theme?: "light" | "dark";
}

/** What a page needs to draw cards as Teams does; see {@link cardRendererParts}. */
export interface CardRendererParts {
  /** `<style>` elements for the `<head>`: the renderer's stylesheet and Teams' bubble and button look. */
  styles: string;
  /** `<script>` elements for the end of `<body>`: Teams' host config, the renderer, then `startScript`. */
  scripts: string;
}

/**
 * A standalone HTML page that renders every card with the adaptivecards renderer and Teams' host
 * config, each in a 400 px frame the width of a Teams chat bubble. Everything is inlined (renderer,
 * host config, cards), so the page opens offline and from an attachment; buttons do nothing.
 */
export function renderCardPreviewHtml(sections: CardPreviewSection[], options: CardPreviewOptions = {}): string {
  const theme = options.theme ?? "light";
  const parts = cardRendererParts(theme, `renderCardFrames(document, JSON.parse(document.getElementById("cards").textContent));`);

  let index = 0;
  const body = sections
    .map((section) => {
      const frames = section.cards.map(() => cardFrame(index++)).join("\n");
      return `<section>\n<h2>${escapeHtml(section.title)}</h2>\n${frames}\n</section>`;
    })
    .join("\n");
  const cards = sections.flatMap((section) => section.cards);

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mfa-nudge cards (${theme})</title>
${parts.styles}
<style>${PREVIEW_PAGE_CSS}</style>
</head>
<body class="${theme}">
${body}
<script id="cards" type="application/json">${inlineJson(cards)}</script>
${parts.scripts}
</body>
</html>
`;
}

/**
 * The renderer, Teams' host config and look, and an in-page `renderCardFrames(root, cards)` that
 * fills every empty `[data-card]` frame under `root` with `cards[frame's data-card]`. `startScript`
 * runs once that function exists. The page's `<body>` must carry the theme as its class.
 */
export function cardRendererParts(theme: "light" | "dark", startScript: string): CardRendererParts {
  const rendererDir = join(dirname(createRequire(import.meta.url).resolve("adaptivecards/package.json")), "dist");
  const renderer = readFileSync(join(rendererDir, "adaptivecards.min.js"), "utf8");
  const rendererCss = readFileSync(join(rendererDir, "adaptivecards.css"), "utf8");
  const hostConfig = readFileSync(join(cardsDir(), "host-config", `microsoft-teams-${theme}.json`), "utf8");
  return {
    styles: `<style>${rendererCss.replace(/<\/style/gi, "<\\/style")}</style>\n<style>${CARD_CSS}</style>`,
    scripts: [
      `<script id="host-config" type="application/json">${inlineJson(JSON.parse(hostConfig))}</script>`,
      `<script>${renderer.replace(/<\/script/gi, "<\\/script")}</script>`,
      `<script>${RENDER_SCRIPT}${startScript.replace(/<\/script/gi, "<\\/script")}</script>`,
    ].join("\n"),
  };
}

/** An empty 400 px bubble that `renderCardFrames` fills with `cards[index]`. */
export function cardFrame(index: number): string {
  return `<div class="bubble" data-card="${index}"></div>`;
}

// Runs in the page: one AdaptiveCard per frame, as Teams would render it. A frame that already has
// content is skipped, so pages that render lazily can call it again. A card the renderer cannot parse
// shows its error in the frame instead of vanishing.
const RENDER_SCRIPT = `
var renderCardFrames = (function () {
  var hostConfig = new AdaptiveCards.HostConfig(JSON.parse(document.getElementById("host-config").textContent));
  return function (root, cards) {
    root.querySelectorAll("[data-card]").forEach(function (frame) {
      if (frame.hasChildNodes()) return;
      try {
        var card = new AdaptiveCards.AdaptiveCard();
        card.hostConfig = hostConfig;
        card.onExecuteAction = function () {};
        card.parse(cards[Number(frame.getAttribute("data-card"))]);
        frame.appendChild(card.render());
      } catch (error) {
        frame.textContent = "Could not render this card: " + error;
      }
    });
  };
})();
`;

// Teams' chat bubble and its button look (rounded, purple primary), which the renderer leaves to the
// host. Colours from Teams' light and dark themes.
const CARD_CSS = `
.bubble { width: 400px; max-width: 100%; margin: 0 0 16px; border-radius: 6px; overflow: hidden;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.14), 0 0 2px rgba(0, 0, 0, 0.12); }
.ac-pushButton { border-radius: 4px; min-height: 32px; padding: 4px 12px; font-family: inherit;
  font-size: 14px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
body.light .ac-pushButton { background: #ffffff; color: #242424; border: 1px solid #d1d1d1; }
body.dark .ac-pushButton { background: #292929; color: #ffffff; border: 1px solid #666666; }
body .ac-pushButton.style-positive { background: #5b5fc7; color: #ffffff; border: 1px solid #5b5fc7; }
`;

// Teams' chat surroundings for the preview page alone.
const PREVIEW_PAGE_CSS = `
body { margin: 0; padding: 16px 20px 40px; font-family: "Segoe UI", system-ui, sans-serif; }
body.light { background: #f5f5f5; color: #242424; }
body.dark { background: #1f1f1f; color: #ffffff; }
h2 { font-size: 13px; font-weight: 600; margin: 24px 0 8px; opacity: 0.75; }
`;
