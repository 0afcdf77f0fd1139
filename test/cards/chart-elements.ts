import { validateAdaptiveCard } from "./validate-adaptive-card.js";

// Teams' chart elements as documented at learn.microsoft.com, "Charts in Adaptive Cards"
// (msteams-platform/task-modules-and-cards/cards/charts-in-adaptive-cards.md). They are Teams
// extensions, not in the Adaptive Card 1.5 schema, so the schema test sees their fallbacks instead and
// this file checks the charts themselves: documented properties only, data of the documented shape.

/** The element properties our cards may use on a chart: the documented ones a 1.5 client also knows. */
const CHART_PROPERTIES = new Set([
  "type",
  "data",
  "title",
  "colorSet",
  "xAxisTitle",
  "yAxisTitle",
  "fallback",
  "id",
  "height",
  "spacing",
  "separator",
  "isVisible",
  "requires",
  "horizontalAlignment",
]);

/** The `color` values the page lists for a data point. */
const CHART_COLORS = new Set([
  "good",
  "warning",
  "attention",
  "neutral",
  "categoricalRed",
  "categoricalPurple",
  "categoricalLavender",
  "categoricalBlue",
  "categoricalLightBlue",
  "categoricalTeal",
  "categoricalGreen",
  "categoricalLime",
  "categoricalMarigold",
  "sequential1",
  "sequential2",
  "sequential3",
  "sequential4",
  "sequential5",
  "sequential6",
  "sequential7",
  "sequential8",
  "divergingBlue",
  "divergingLightBlue",
  "divergingCyan",
  "divergingTeal",
  "divergingYellow",
  "divergingPeach",
  "divergingLightRed",
  "divergingRed",
  "divergingMaroon",
  "divergingGray",
]);

// The page's examples name these sets; it lists no others.
const COLOR_SETS = new Set(["categorical", "sequential", "diverging"]);
const SPACINGS = new Set(["none", "extrasmall", "small", "default", "medium", "large", "extralarge", "padding"]);
const HEIGHTS = new Set(["auto", "stretch"]);
const ALIGNMENTS = new Set(["left", "center", "right"]);

type Node = Record<string, unknown>;

const isObject = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const isChart = (value: unknown): value is Node => isObject(value) && typeof value.type === "string" && value.type.startsWith("Chart.");

/**
 * The card as a client without Teams' charts shows it: every `Chart.*` element replaced by its
 * `fallback` (itself with charts replaced), or left out when it has none or its fallback is "drop".
 */
export function replaceChartsWithFallbacks<T>(card: T): T {
  return replace(card) as T;
}

function replace(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isChart(item)) return [replace(item)];
      return isObject(item.fallback) ? [replace(item.fallback)] : [];
    });
  }
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replace(child)]));
}

/** Every `Chart.*` element in the card, depth first. */
export function chartsIn(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(chartsIn);
  if (!isObject(value)) return [];
  return [...(isChart(value) ? [value] : []), ...Object.values(value).flatMap(chartsIn)];
}

/** What is wrong with the card's charts, one line each; empty when nothing is. */
export function chartProblems(card: unknown): string[] {
  return chartsIn(card).flatMap((chart, index) =>
    chartElementProblems(chart).map((problem) => `chart ${index} (${String(chart.type)}): ${problem}`),
  );
}

function chartElementProblems(chart: Node): string[] {
  const problems = Object.keys(chart)
    .filter((key) => !CHART_PROPERTIES.has(key))
    .map((key) => `"${key}" is not a documented chart property we use`);
  for (const key of ["title", "xAxisTitle", "yAxisTitle", "id"] as const) {
    if (chart[key] !== undefined && typeof chart[key] !== "string") problems.push(`${key} must be a string`);
  }
  for (const key of ["separator", "isVisible"] as const) {
    if (chart[key] !== undefined && typeof chart[key] !== "boolean") problems.push(`${key} must be a boolean`);
  }
  problems.push(...enumProblem(chart, "colorSet", COLOR_SETS, false));
  problems.push(...enumProblem(chart, "spacing", SPACINGS, true));
  problems.push(...enumProblem(chart, "height", HEIGHTS, true));
  problems.push(...enumProblem(chart, "horizontalAlignment", ALIGNMENTS, true));
  if (chart.requires !== undefined && !isObject(chart.requires)) problems.push("requires must be an object");
  problems.push(...dataProblems(chart));
  problems.push(...fallbackProblems(chart.fallback));
  return problems;
}

function enumProblem(chart: Node, key: string, allowed: Set<string>, anyCase: boolean): string[] {
  const value = chart[key];
  if (value === undefined) return [];
  const normal = typeof value === "string" ? (anyCase ? value.toLowerCase() : value) : undefined;
  return normal !== undefined && allowed.has(normal) ? [] : [`${key} ${JSON.stringify(value)} is not one of the documented values`];
}

function dataProblems(chart: Node): string[] {
  const { data } = chart;
  if (!Array.isArray(data) || data.length === 0) return ["data must be a non-empty array"];
  switch (chart.type) {
    case "Chart.Donut":
    case "Chart.Pie":
      return data.flatMap((item, i) => itemProblems(item, `data[${i}]`, { value: (v) => typeof v === "number" && Number.isFinite(v) }));
    case "Chart.Line":
      return data.flatMap((item, i) => itemProblems(item, `data[${i}]`, { values: linePointsAreValid }));
    default:
      return [`${String(chart.type)} is not a chart these cards use`];
  }
}

/** A data item: an optional string `legend`, an optional documented `color`, and its required values. */
function itemProblems(item: unknown, where: string, required: Record<string, (value: unknown) => boolean>): string[] {
  if (!isObject(item)) return [`${where} must be an object`];
  const known = new Set(["legend", "color", ...Object.keys(required)]);
  const problems = Object.keys(item)
    .filter((key) => !known.has(key))
    .map((key) => `${where}.${key} is not documented`);
  if (item.legend !== undefined && typeof item.legend !== "string") problems.push(`${where}.legend must be a string`);
  if (item.color !== undefined && !(typeof item.color === "string" && CHART_COLORS.has(item.color))) {
    problems.push(`${where}.color ${JSON.stringify(item.color)} is not a documented chart colour`);
  }
  for (const [key, valid] of Object.entries(required)) if (!valid(item[key])) problems.push(`${where}.${key} is missing or malformed`);
  return problems;
}

function linePointsAreValid(values: unknown): boolean {
  return (
    Array.isArray(values) &&
    values.length > 0 &&
    values.every(
      (point) =>
        isObject(point) &&
        Object.keys(point).sort().join() === "x,y" &&
        (typeof point.x === "string" || typeof point.x === "number") &&
        typeof point.y === "number" &&
        Number.isFinite(point.y),
    )
  );
}

/** The fallback must say the same in text, so it must exist and be a valid 1.5 element itself. */
function fallbackProblems(fallback: unknown): string[] {
  if (!isObject(fallback)) return ["fallback must be an element that says the same in text"];
  if (chartsIn(fallback).length > 0) return ["fallback must not contain a chart"];
  const card = { type: "AdaptiveCard", version: "1.5", body: [fallback] };
  return validateAdaptiveCard(card).map((problem) => `fallback: ${problem}`);
}
