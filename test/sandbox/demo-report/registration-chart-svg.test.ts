import { describe, expect, it } from "vitest";
import type { DemoDay } from "../../../src/sandbox/demo/report/demo-report-data.js";
import { CHART_LAYOUT, registrationChartSvg } from "../../../src/sandbox/demo/report/registration-chart-svg.js";

function day(date: string, members: number, registered: number, reminders = 0): DemoDay {
  return { date, members, registered, reminders, escalations: 0, snoozes: 0, helpRequests: 0, stoppedAtSignIn: 0, signInHelp: 0 };
}

function points(svg: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<circle class="point" cx="([^"]+)" cy="([^"]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

function bars(svg: string): { y: number; height: number }[] {
  return [...svg.matchAll(/<rect class="bar" x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"/g)].map((m) => ({
    y: Number(m[1]),
    height: Number(m[2]),
  }));
}

describe("registrationChartSvg", () => {
  it("puts 0 % at the bottom, 100 % at the top and a half in the middle, days left to right", () => {
    const svg = registrationChartSvg([day("2025-03-10", 40, 0), day("2025-03-11", 40, 20), day("2025-03-12", 40, 40)]);
    const [empty, half, full] = points(svg);
    expect(empty?.y).toBe(CHART_LAYOUT.shareBottom);
    expect(full?.y).toBe(CHART_LAYOUT.shareTop);
    expect(half?.y).toBe((CHART_LAYOUT.shareTop + CHART_LAYOUT.shareBottom) / 2);
    expect(empty!.x).toBeGreaterThan(CHART_LAYOUT.left);
    expect(half!.x).toBeGreaterThan(empty!.x);
    expect(full!.x).toBeGreaterThan(half!.x);
    expect(full!.x).toBeLessThan(CHART_LAYOUT.right);
    expect(svg).toMatch(/<text class="final-value"[^>]*>100.0 %<\/text>/);
  });

  it("draws one point per day and labels the last day's share", () => {
    const days = Array.from({ length: 30 }, (_, i) => day(`2025-04-${String(i + 1).padStart(2, "0")}`, 1000, 100 + i * 18));
    const svg = registrationChartSvg(days);
    expect(points(svg)).toHaveLength(30);
    expect(svg).toMatch(/<text class="final-value"[^>]*>62.2 %<\/text>/);
  });

  it("draws reminder bars in proportion on their own scale, an empty day as no bar", () => {
    const svg = registrationChartSvg([day("2025-03-10", 10, 1, 80), day("2025-03-11", 10, 2, 40), day("2025-03-12", 10, 3, 0)]);
    const [most, half, none] = bars(svg);
    expect(most!.height).toBeCloseTo(half!.height * 2, 1);
    expect(most!.y + most!.height).toBe(CHART_LAYOUT.barsBottom);
    expect(most!.y).toBeGreaterThanOrEqual(CHART_LAYOUT.barsTop);
    expect(none!.height).toBe(0);
  });

  it("draws a single day as one point in the middle, without NaN", () => {
    const svg = registrationChartSvg([day("2025-03-10", 50, 32, 12)]);
    expect(svg).not.toContain("NaN");
    expect(points(svg)).toEqual([{ x: (CHART_LAYOUT.left + CHART_LAYOUT.right) / 2, y: expect.any(Number) as number }]);
    expect(svg).toMatch(/>64.0 %<\/text>/);
  });

  it("treats a day without members as 0 % and no reminders anywhere as a flat zero, without NaN or Infinity", () => {
    const svg = registrationChartSvg([day("2025-03-10", 0, 0), day("2025-03-11", 0, 0)]);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(points(svg).map((p) => p.y)).toEqual([CHART_LAYOUT.shareBottom, CHART_LAYOUT.shareBottom]);
    expect(bars(svg).map((b) => b.height)).toEqual([0, 0]);
    expect(svg).toMatch(/>0.0 %<\/text>/);
  });

  it("says that no days were simulated instead of drawing nothing", () => {
    const svg = registrationChartSvg([]);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toContain("No days were simulated.");
  });

  it("describes itself for screen readers and escapes text from the data", () => {
    const svg = registrationChartSvg([day("2025-03-10", 4, 1), day("<b>&", 4, 2)]);
    expect(svg).toMatch(/role="img" aria-labelledby="registration-chart-title registration-chart-desc"/);
    expect(svg).toContain('<title id="registration-chart-title">Registrations over time</title>');
    expect(svg).toMatch(
      /<desc id="registration-chart-desc">Share of members registered[^<]*from 25.0 % on 10 Mar 2025 to 50.0 % on &#60;b&#62;&#38;/,
    );
    expect(svg).not.toContain("<b>");
  });

  it("labels at most ten dates however long the campaign", () => {
    const days = Array.from({ length: 60 }, (_, i) => day(`2025-05-${String((i % 28) + 1).padStart(2, "0")}`, 10, 5));
    const labels = registrationChartSvg(days).match(/<text x="[^"]+" y="376" text-anchor="middle"/g) ?? [];
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThanOrEqual(10);
  });
});
