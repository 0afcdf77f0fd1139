import type { CardContext, StatusCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import { formatShortDate } from "./format-card-date.js";
import { formatCardCount, formatCardPercent, percentOf, roundPercent } from "./format-card-number.js";

// Teams' chart colour names (learn.microsoft.com, "Charts in Adaptive Cards"): green for registered,
// grey for the rest, which reads as "still to go" rather than as an alarm.
const REGISTERED_COLOR = "good";
const REMAINING_COLOR = "neutral";

// The line chart draws every day; its text stand-in keeps to the last few, which is what an admin
// compares ("is it still going up?") and what fits on two lines of a phone.
const TREND_POINTS_IN_TEXT = 5;

export interface DonutView {
  title: string;
  data: { legend: string; value: number; color: string }[];
  /** What the fallback says instead: "64.2 % registered: 1,234 of 1,922 people". */
  text: string;
}

export interface TrendView {
  /** A line needs two points. */
  show: boolean;
  title: string;
  yAxisTitle: string;
  data: { legend: string; values: { x: string; y: number }[]; color: string }[];
  /** What the fallback says instead: "10 Mar: 58.1 % · 11 Mar: 61 % · …". */
  text: string;
}

/** The share registered, for a Teams `Chart.Donut` and its text fallback. */
export function registeredDonutView(card: Pick<StatusCard, "members" | "registered">, text: CardText): DonutView {
  const percent = formatCardPercent(percentOf(card.registered, card.members), text);
  return {
    title: text.text("status.donut.title", { percent }),
    data: [
      { legend: text.text("status.donut.registered"), value: card.registered, color: REGISTERED_COLOR },
      { legend: text.text("status.donut.notRegistered"), value: Math.max(0, card.members - card.registered), color: REMAINING_COLOR },
    ],
    text: text.plural("status.registeredShare", card.members, { percent, registered: formatCardCount(card.registered, text.language) }),
  };
}

/**
 * The share registered day by day, for a Teams `Chart.Line` and its text fallback. The x values stay
 * ISO dates, as in Microsoft's own examples, so Teams can lay them out as dates.
 */
export function trendLineView(trend: StatusCard["trend"], context: CardContext, text: CardText): TrendView {
  const points = trend.map((point) => ({
    x: point.date,
    y: roundPercent(point.percentRegistered),
    label: text.text("status.trend.point", {
      date: formatShortDate(point.date, context, { weekday: false }),
      percent: formatCardPercent(point.percentRegistered, text),
    }),
  }));
  return {
    show: points.length >= 2,
    title: text.text("status.trend.title"),
    yAxisTitle: text.text("status.trend.yAxis"),
    data: [{ legend: text.text("status.trend.legend"), values: points.map(({ x, y }) => ({ x, y })), color: REGISTERED_COLOR }],
    // No-break spaces inside a point, so a phone breaks the line between days, never inside one.
    text: points
      .slice(-TREND_POINTS_IN_TEXT)
      .map((point) => point.label.replace(/ /g, "\u00a0"))
      .join(" · "),
  };
}
