import { describe, expect, it } from "vitest";
import { chartProblems, chartsIn, replaceChartsWithFallbacks } from "./chart-elements.js";

const fallback = { type: "TextBlock", text: "64.2 % registered", wrap: true };
const donut = {
  type: "Chart.Donut",
  title: "Registered",
  data: [
    { legend: "Registered", value: 1234, color: "good" },
    { legend: "Not yet", value: 688 },
  ],
  fallback,
};
const line = {
  type: "Chart.Line",
  title: "Sample",
  xAxisTitle: "Days",
  yAxisTitle: "Sales",
  colorSet: "categorical",
  data: [
    {
      legend: "Outlook",
      values: [
        { x: "2023-05-01", y: 99 },
        { x: "2023-05-02", y: 6 },
      ],
    },
  ],
  fallback,
};
const card = (...body: unknown[]) => ({ type: "AdaptiveCard", version: "1.5", body });

describe("chartProblems", () => {
  it("accepts Microsoft's documented donut and line shapes", () => {
    expect(chartProblems(card(donut, { type: "Container", items: [line] }))).toEqual([]);
  });

  it("rejects properties the chart documentation does not give, or that we do not use", () => {
    expect(chartProblems(card({ ...donut, showLegend: true }))).toEqual([expect.stringContaining('"showLegend"')]);
    expect(chartProblems(card({ ...line, color: "good" }))).toEqual([expect.stringContaining('"color"')]);
    expect(chartProblems(card({ ...donut, colorSet: "rainbow" }))).toEqual([expect.stringContaining("colorSet")]);
  });

  it("rejects data of the wrong shape", () => {
    expect(chartProblems(card({ ...donut, data: [] }))).toEqual([expect.stringContaining("non-empty")]);
    expect(chartProblems(card({ ...donut, data: [{ legend: "A", value: "12" }] }))).toEqual([expect.stringContaining("data[0].value")]);
    expect(chartProblems(card({ ...donut, data: [{ label: "A", value: 1 }] }))).toEqual([expect.stringContaining("data[0].label")]);
    expect(chartProblems(card({ ...donut, data: [{ value: 1, color: "green" }] }))).toEqual([expect.stringContaining("colour")]);
    expect(chartProblems(card({ ...line, data: [{ legend: "A", values: [{ x: "2023-05-01" }] }] }))).toEqual([
      expect.stringContaining("data[0].values"),
    ]);
    expect(chartProblems(card({ ...line, data: [{ legend: "A", values: [{ x: "d", y: 1, z: 2 }] }] }))).toEqual([
      expect.stringContaining("data[0].values"),
    ]);
  });

  it("demands a fallback that is a valid 1.5 element and no chart itself", () => {
    const { fallback: _, ...bare } = donut;
    expect(chartProblems(card(bare))).toEqual([expect.stringContaining("fallback must be an element")]);
    expect(chartProblems(card({ ...donut, fallback: "drop" }))).toEqual([expect.stringContaining("fallback must be an element")]);
    expect(chartProblems(card({ ...donut, fallback: { type: "TextBlock", txt: "x" } }))).not.toEqual([]);
    expect(chartProblems(card({ ...donut, fallback: line }))).toEqual([expect.stringContaining("must not contain a chart")]);
  });
});

describe("replaceChartsWithFallbacks", () => {
  it("puts each chart's fallback in its place, at any depth, and leaves the rest alone", () => {
    const original = card({ type: "TextBlock", text: "Title" }, donut, { type: "Container", items: [line] });
    expect(replaceChartsWithFallbacks(original)).toEqual(
      card({ type: "TextBlock", text: "Title" }, fallback, { type: "Container", items: [fallback] }),
    );
    expect(chartsIn(original)).toHaveLength(2);
  });

  it("drops a chart with no fallback or with 'drop', as a client without charts does", () => {
    const { fallback: _, ...bare } = donut;
    expect(replaceChartsWithFallbacks(card(bare, { ...line, fallback: "drop" }))).toEqual(card());
  });
});
