import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../../src/cards/escape-html.js";
import { writeDemoReport } from "../../../src/sandbox/demo/report/write-demo-report.js";
import { AWKWARD_NAME, smallDemoReport } from "./small-demo-report.js";

const data = smallDemoReport();
const html = writeDemoReport(data);

/** The markup of one person's <details> section, found by its id. */
function sectionOf(id: string): string {
  return new RegExp(`<details [^>]*id="person-${id}">[\\s\\S]*?</details>`).exec(html)?.[0] ?? "";
}

describe("writeDemoReport", () => {
  it("names the campaign, tenant size, seed and headline numbers in the header", () => {
    expect(html).toContain("<h1>Contoso MFA &#60;rollout&#62; &#38; more</h1>");
    expect(html).toMatch(/Tenant<\/dt><dd>25 people/);
    expect(html).toMatch(/Seed<\/dt><dd>7</);
    expect(html).toContain("10 Mar 2025, 08:00 UTC to 12 Mar 2025, 18:00 UTC (3 simulated days)");
    expect(html).toMatch(/Registered at the start<\/span><span class="tile-value">40.0 %/);
    expect(html).toMatch(/Registered at the end<\/span><span class="tile-value">64.0 %/);
    expect(html).toMatch(/Reminders<\/span><span class="tile-value">29</);
    expect(html).toMatch(/Unreachable<\/span><span class="tile-value">2</);
  });

  it("shows every person's name and outcome, escaped, in the table and in their section", () => {
    for (const person of data.people) {
      const name = escapeHtml(person.displayName);
      expect(html.split(name).length - 1, person.id).toBeGreaterThanOrEqual(2);
      expect(html, person.id).toContain(escapeHtml(person.outcome));
    }
  });

  it("links each row of the people table to an element on the page", () => {
    const links = [...html.matchAll(/<td><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(["person-u-anna", "person-u-bernd", "person-u-breakglass"]);
    for (const id of links) expect(html).toMatch(new RegExp(`<details [^>]*id="${id}"`));
  });

  it("gives every message a card slot and carries that person's cards, in order, for drawing on open", () => {
    for (const person of data.people.filter((p) => p.messages.length > 0)) {
      const section = sectionOf(person.id);
      expect(section.match(/<div class="bubble" data-card="\d+"><\/div>/g), person.id).toHaveLength(person.messages.length);
      const cards = /<script type="application\/json" class="person-cards">(.*?)<\/script>/s.exec(section)?.[1] ?? "";
      expect(JSON.parse(cards)).toEqual(person.messages.map((m) => m.card));
      for (const message of person.messages) expect(section).toContain(escapeHtml(message.label));
    }
    expect(html.match(/data-card="/g)).toHaveLength(6);
  });

  it("says so for a person who received nothing, with no card slot", () => {
    const section = sectionOf("u-breakglass");
    expect(section).toContain("No messages. Excluded: break-glass account");
    expect(section).not.toContain("data-card");
  });

  it("draws no card until a section opens: every section starts closed", () => {
    expect(html.match(/<details class="person[^"]*" id="[^"]+">/g)).toHaveLength(3);
    expect(html).not.toMatch(/<details[^>]*\sopen/);
  });

  it("holds the registration chart with one point per day and the last value labelled", () => {
    const svg = /<svg class="registration-chart".*?<\/svg>/s.exec(html)?.[0] ?? "";
    expect(svg.match(/<circle class="point"/g)).toHaveLength(3);
    expect(svg).toMatch(/<text class="final-value"[^>]*>64.0 %<\/text>/);
    expect(html).toMatch(/<table class="visually-hidden">[\s\S]*<th scope="row">2025-03-12<\/th><td>64.0 %<\/td>/);
  });

  it("loads nothing from the network: no external script, stylesheet, image or font", () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|source)\b[^>]*\s(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
    expect(html).toContain("https://aka.ms/mysecurityinfo");
  });

  it("escapes a display name holding a script tag everywhere, in markup and in embedded JSON", () => {
    expect(html).not.toContain(AWKWARD_NAME);
    expect(html).not.toContain(`<script>alert(`);
    expect(html).toContain("Anna &#60;script&#62;alert(&#34;hi&#34;)&#60;/script&#62; O&#39;Brien &#38; Co");
    // Three scripts of the renderer plus one block of cards per person with messages, and no more.
    expect(html.match(/<script\b/g)).toHaveLength(5);
    expect(html.match(/<\/script>/g)).toHaveLength(5);
  });
});
