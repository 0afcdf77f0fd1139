import { describe, expect, it } from "vitest";
import { csvSeparatorFor, toCsv } from "../../src/reports/to-csv.js";
import { parseCsv } from "../support/parse-csv.js";

/** The cells a spreadsheet reads from a one-row `csv`. */
const cellsOf = (csv: string, separator: string) => parseCsv(csv, separator)[0] ?? [];

describe("toCsv", () => {
  it("uses the separator Excel expects in the admin's language", () => {
    expect(csvSeparatorFor("en")).toBe(",");
    for (const language of ["de", "fr", "es", "nl"] as const) expect(csvSeparatorFor(language)).toBe(";");
  });

  it("starts with a UTF-8 byte order mark, so Excel reads accents as they are", () => {
    const csv = toCsv([["Name"], ["Chloé Martin"]], ";");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe("Name\r\nChloé Martin\r\n");
  });

  it("quotes a cell holding either separator, so a ';' cannot start a new cell in a ';' locale", () => {
    const row = ['Sales;=HYPERLINK("https://evil.example")', "Weber, Jonas", 'say "hi"', "two\nlines"];
    for (const separator of [",", ";"] as const) {
      expect(cellsOf(toCsv([row], separator), separator)).toEqual([
        'Sales;=HYPERLINK("https://evil.example")',
        "Weber, Jonas",
        'say "hi"',
        "two\nlines",
      ]);
    }
  });

  it("makes every cell a spreadsheet would run as a formula plain text (OWASP CSV injection)", () => {
    const starts = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "\0=1", "＝1+1", "＋1", "－1", "＠SUM(A1)"];
    const cells = cellsOf(toCsv([starts], ";"), ";");
    expect(cells).toHaveLength(starts.length);
    expect(cells.map((cell, i) => cell === `'${starts[i]}`)).toEqual(starts.map(() => true));
    expect(toCsv([["Anna Schmidt", "a-b", "x=1"]]).slice(1)).toBe("Anna Schmidt,a-b,x=1\r\n");
  });
});
