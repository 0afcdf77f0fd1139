import { escapeHtml } from "../../../cards/escape-html.js";
import { formatCount } from "../../../reports/format-numbers.js";
import type { DemoDay } from "./demo-report-data.js";
import { formatShare, registeredShare } from "./registered-share.js";
import { shortDate } from "./short-date.js";

/** The chart's drawing area in SVG units; exported so tests can check where points land. */
export const CHART_LAYOUT = {
  width: 960,
  height: 400,
  left: 56,
  right: 884,
  /** The registered-share panel: 100 % at `shareTop`, 0 % at `shareBottom`. */
  shareTop: 28,
  shareBottom: 248,
  /** The reminders panel below it, on the same days. */
  barsTop: 296,
  barsBottom: 356,
} as const;

// Beyond about ten labels on 830 units, "28 Feb" labels start to touch.
const MAX_DATE_LABELS = 10;
const SHARE_GRID = [0, 0.25, 0.5, 0.75, 1];
const INK = "#242424";
const MUTED = "#616161";
const GRID = "#e0e0e0";
const LINE = "#5b5fc7";
const BARS = "#a6a9e3";

/**
 * The registered share per day as a line on a 0-100 % scale, with the reminders sent per day as bars
 * in a smaller panel underneath on the same days: two panels rather than two y-axes on one, so no
 * one has to guess which scale a mark belongs to. Scales to the width of its container.
 */
export function registrationChartSvg(days: readonly DemoDay[]): string {
  const L = CHART_LAYOUT;
  const band = (L.right - L.left) / Math.max(1, days.length);
  const x = (i: number): number => L.left + band * (i + 0.5);
  const shareY = (share: number): number => L.shareBottom - share * (L.shareBottom - L.shareTop);
  const maxReminders = niceCeiling(Math.max(0, ...days.map((d) => d.reminders)));
  const barY = (n: number): number => L.barsBottom - (n / maxReminders) * (L.barsBottom - L.barsTop);

  const parts: string[] = [];
  for (const share of SHARE_GRID) {
    const y = r(shareY(share));
    parts.push(`<line x1="${L.left}" x2="${L.right}" y1="${y}" y2="${y}" stroke="${share === 0 ? "#c7c7c7" : GRID}"/>`);
    parts.push(`<text x="${L.left - 8}" y="${r(y + 4)}" text-anchor="end" fill="${MUTED}">${share * 100} %</text>`);
  }
  parts.push(`<text x="${L.left}" y="${L.shareTop - 12}" fill="${INK}" font-weight="600">Registered, share of members</text>`);
  parts.push(...barsPanel(days, x, barY, band, maxReminders));

  const points = days.map((d, i) => ({ x: r(x(i)), y: r(shareY(registeredShare(d))), day: d }));
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last) {
    const line = points.map((p) => `${p.x},${p.y}`).join(" ");
    parts.push(`<polygon points="${first.x},${L.shareBottom} ${line} ${last.x},${L.shareBottom}" fill="${LINE}" fill-opacity="0.1"/>`);
    parts.push(`<polyline points="${line}" fill="none" stroke="${LINE}" stroke-width="2.5" stroke-linejoin="round"/>`);
    for (const p of points) {
      const tip =
        `${p.day.date}: ${formatShare(registeredShare(p.day))} registered (${formatCount(p.day.registered)} of ` +
        `${formatCount(p.day.members)})`;
      parts.push(
        `<circle class="point" cx="${p.x}" cy="${p.y}" r="${days.length > 40 ? 2 : 3.5}" fill="#ffffff" stroke="${LINE}" ` +
          `stroke-width="2"><title>${escapeHtml(tip)}</title></circle>`,
      );
    }
    parts.push(
      `<text class="final-value" x="${r(last.x + 10)}" y="${r(last.y + 5)}" fill="${LINE}" font-size="15" ` +
        `font-weight="700">${formatShare(registeredShare(last.day))}</text>`,
    );
  } else {
    parts.push(
      `<text x="${(L.left + L.right) / 2}" y="${(L.shareTop + L.shareBottom) / 2}" text-anchor="middle" fill="${MUTED}">No ` +
        `days were simulated.</text>`,
    );
  }
  parts.push(...dateLabels(days, x));

  return (
    `<svg class="registration-chart" viewBox="0 0 ${L.width} ${L.height}" role="img" ` +
    `aria-labelledby="registration-chart-title registration-chart-desc" ` +
    `font-family="Segoe UI, system-ui, sans-serif" font-size="12">
<title id="registration-chart-title">Registrations over time</title>
<desc id="registration-chart-desc">${escapeHtml(describe(days))}</desc>
${parts.join("\n")}
</svg>`
  );
}

function barsPanel(days: readonly DemoDay[], x: (i: number) => number, barY: (n: number) => number, band: number, max: number): string[] {
  const L = CHART_LAYOUT;
  const width = r(Math.min(28, Math.max(1, band * 0.6)));
  const parts = [
    `<text x="${L.left}" y="${L.barsTop - 14}" fill="${INK}" font-weight="600">Reminders sent per day</text>`,
    `<line x1="${L.left}" x2="${L.right}" y1="${L.barsTop}" y2="${L.barsTop}" stroke="${GRID}" stroke-dasharray="3 3"/>`,
    `<text x="${L.left - 8}" y="${L.barsTop + 4}" text-anchor="end" fill="${MUTED}">${formatCount(max)}</text>`,
    `<line x1="${L.left}" x2="${L.right}" y1="${L.barsBottom}" y2="${L.barsBottom}" stroke="#c7c7c7"/>`,
    `<text x="${L.left - 8}" y="${L.barsBottom + 4}" text-anchor="end" fill="${MUTED}">0</text>`,
  ];
  days.forEach((d, i) => {
    const top = r(barY(d.reminders));
    const tip = `${d.date}: ${formatCount(d.reminders)} reminders`;
    parts.push(
      `<rect class="bar" x="${r(x(i) - width / 2)}" y="${top}" width="${width}" height="${r(L.barsBottom - top)}" ` +
        `fill="${BARS}"><title>${escapeHtml(tip)}</title></rect>`,
    );
  });
  return parts;
}

function dateLabels(days: readonly DemoDay[], x: (i: number) => number): string[] {
  const step = Math.ceil(days.length / MAX_DATE_LABELS);
  const y = CHART_LAYOUT.barsBottom + 20;
  return days.flatMap((d, i) =>
    i % step === 0 ? [`<text x="${r(x(i))}" y="${y}" text-anchor="middle" fill="${MUTED}">${escapeHtml(shortDate(d.date))}</text>`] : [],
  );
}

function describe(days: readonly DemoDay[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return "No days were simulated.";
  const reminders = days.reduce((sum, d) => sum + d.reminders, 0);
  return (
    `Share of members registered at each day's end, from ${formatShare(registeredShare(first))} on ` +
    `${shortDate(first.date, true)} to ${formatShare(registeredShare(last))} on ${shortDate(last.date, true)}. Below it, ` +
    `reminders sent per day: ${formatCount(reminders)} in all.`
  );
}

/** The smallest 1, 2 or 5 times a power of ten at or above `n` (at least 1), so the axis reads round. */
function niceCeiling(n: number): number {
  if (!(n > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  const step = [1, 2, 5, 10].find((s) => s * power >= n) ?? 10;
  return step * power;
}

// Two decimals keep the markup short and are far below a pixel.
function r(n: number): number {
  return Math.round(n * 100) / 100;
}
