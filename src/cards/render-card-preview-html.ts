import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { cardsDir } from "./cards-dir.js";

export interface CardPreviewSection {
  title: string;
  cards: object[];
}

export interface CardPreviewOptions {
  theme?: "light" | "dark";
}

/**
 * A standalone HTML page that renders every card with the adaptivecards renderer and Teams' host
 * config, each in a 400 px frame the width of a Teams chat bubble. Everything is inlined (renderer,
 * host config, cards), so the page opens offline and from an attachment; buttons do nothing.
 */
export function renderCardPreviewHtml(sections: CardPreviewSection[], options: CardPreviewOptions = {}): string {
  const theme = options.theme ?? "light";
  const rendererDir = join(dirname(createRequire(import.meta.url).resolve("adaptivecards/package.json")), "dist");
  const renderer = readFileSync(join(rendererDir, "adaptivecards.min.js"), "utf8");
  const rendererCss = readFileSync(join(rendererDir, "adaptivecards.css"), "utf8");
  const hostConfig = readFileSync(join(cardsDir(), "host-config", `microsoft-teams-${theme}.json`), "utf8");

  let index = 0;
  const body = sections
    .map((section) => {
      const frames = section.cards.map(() => `<div class="bubble" data-card="${index++}"></div>`).join("\n");
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
<style>${rendererCss.replace(/<\/style/gi, "<\\/style")}</style>
<style>${PAGE_CSS}</style>
</head>
<body class="${theme}">
${body}
<script id="host-config" type="application/json">${inlineJson(JSON.parse(hostConfig))}</script>
<script id="cards" type="application/json">${inlineJson(cards)}</script>
<script>${renderer.replace(/<\/script/gi, "<\\/script")}</script>
<script>${RENDER_SCRIPT}</script>
</body>
</html>
`;
}

// Runs in the page: one AdaptiveCard per frame, as Teams would render it. A card the renderer cannot
// parse shows its error in the frame instead of vanishing.
const RENDER_SCRIPT = `
(function () {
  var hostConfig = new AdaptiveCards.HostConfig(JSON.parse(document.getElementById("host-config").textContent));
  var cards = JSON.parse(document.getElementById("cards").textContent);
  document.querySelectorAll("[data-card]").forEach(function (frame) {
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
})();
`;

// Teams' chat surroundings and its button look (rounded, purple primary), which the renderer leaves
// to the host. Colours from Teams' light and dark themes.
const PAGE_CSS = `
body { margin: 0; padding: 16px 20px 40px; font-family: "Segoe UI", system-ui, sans-serif; }
body.light { background: #f5f5f5; color: #242424; }
body.dark { background: #1f1f1f; color: #ffffff; }
h2 { font-size: 13px; font-weight: 600; margin: 24px 0 8px; opacity: 0.75; }
.bubble { width: 400px; max-width: 100%; margin: 0 0 16px; border-radius: 6px; overflow: hidden;
  box-shadow: 0 1px 2px rgba(0, 0, 0, 0.14), 0 0 2px rgba(0, 0, 0, 0.12); }
.ac-pushButton { border-radius: 4px; min-height: 32px; padding: 4px 12px; font-family: inherit;
  font-size: 14px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
body.light .ac-pushButton { background: #ffffff; color: #242424; border: 1px solid #d1d1d1; }
body.dark .ac-pushButton { background: #292929; color: #ffffff; border: 1px solid #666666; }
body .ac-pushButton.style-positive { background: #5b5fc7; color: #ffffff; border: 1px solid #5b5fc7; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Inside <script>, "</script" would end the element early; \u003c is the same "<" to JSON.parse.
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
