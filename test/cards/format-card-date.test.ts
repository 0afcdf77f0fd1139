import { describe, expect, it } from "vitest";
import { formatDeadline, formatMoment, formatShortDate } from "../../src/cards/format-card-date.js";

describe("formatDeadline", () => {
  it("spells out the weekday and month in the reader's language", () => {
    expect(formatDeadline("2025-03-14", { language: "de", timeZone: "Europe/Berlin" })).toMatch(/^Freitag,? 14\. März 2025$/);
    expect(formatDeadline("2025-03-14", { language: "fr", timeZone: "Europe/Paris" })).toMatch(/^vendredi,? 14 mars 2025$/);
    expect(formatDeadline("2025-03-14", { language: "nl", timeZone: "Europe/Amsterdam" })).toMatch(/^vrijdag,? 14 maart 2025$/);
  });

  it("keeps the calendar date whatever the reader's zone", () => {
    expect(formatDeadline("2025-03-14", { language: "en", timeZone: "Pacific/Kiritimati" })).toMatch(/14 March 2025/);
    expect(formatDeadline("2025-03-14", { language: "en", timeZone: "Pacific/Pago_Pago" })).toMatch(/14 March 2025/);
  });

  it("refuses anything but an ISO date", () => {
    expect(() => formatDeadline("14.03.2025", { language: "en", timeZone: "UTC" })).toThrow(/YYYY-MM-DD/);
    expect(() => formatDeadline("2025-02-30", { language: "en", timeZone: "UTC" })).toThrow(/YYYY-MM-DD/);
  });
});

describe("formatMoment", () => {
  it("shows an instant on the reader's clock, which can be the next day", () => {
    const berlin = formatMoment("2025-03-11T23:30:00Z", { language: "de", timeZone: "Europe/Berlin" });
    expect(berlin.date).toMatch(/^Mittwoch,? 12\. März$/);
    expect(berlin.time).toBe("00:30");
    const newYork = formatMoment("2025-03-11T23:30:00Z", { language: "en", timeZone: "America/New_York" });
    expect(newYork.date).toMatch(/^Tuesday,? 11 March$/);
    expect(newYork.time).toBe("19:30");
  });

  it("adds the year and the zone for readers elsewhere", () => {
    const london = formatMoment("2025-07-01T08:00:00Z", { language: "en", timeZone: "Europe/London" }, true);
    expect(london.date).toMatch(/^Tuesday,? 1 July 2025$/);
    expect(london.time).toBe("09:00 BST");
  });
});

describe("formatShortDate", () => {
  it("gives a day short enough for a list line, in the reader's language", () => {
    expect(formatShortDate("2025-03-14", { language: "en", timeZone: "Europe/Berlin" })).toBe("Fri 14 Mar");
    expect(formatShortDate("2025-03-14", { language: "de", timeZone: "Europe/Berlin" })).toMatch(/^Fr\.,? 14\. März$/);
    expect(formatShortDate("2025-03-14", { language: "en", timeZone: "Europe/Berlin" }, { weekday: false })).toBe("14 Mar");
  });

  it("shows an instant as the reader's day, and a date as that calendar day", () => {
    expect(formatShortDate("2025-03-11T23:30:00Z", { language: "en", timeZone: "Europe/Berlin" })).toBe("Wed 12 Mar");
    expect(formatShortDate("2025-03-14", { language: "en", timeZone: "Pacific/Pago_Pago" })).toBe("Fri 14 Mar");
  });

  it("refuses anything but an ISO date or instant", () => {
    expect(() => formatShortDate("", { language: "en", timeZone: "UTC" })).toThrow(/ISO date/);
    expect(() => formatShortDate("14.03.2025", { language: "en", timeZone: "UTC" })).toThrow(/ISO date/);
  });
});
