import type { Language } from "../cards/card-data.js";

export type CsvSeparator = "," | ";";

/**
 * The separator Excel expects when it opens a CSV file with a double-click: the Windows list
 * separator, which is ";" wherever the decimal mark is a comma (German, French, Spanish, Dutch) and
 * "," in English. The admin's language stands for their regional settings; a file that guesses wrong
 * shows every row in one column, which Data > From Text/CSV still reads. A `sep=` first line would
 * fix the separator for Excel alone but shows as a row of data in every other program, so it is not used.
 */
export function csvSeparatorFor(language: Language): CsvSeparator {
  return language === "en" ? "," : ";";
}

/**
 * RFC 4180 CSV, starting with a UTF-8 byte order mark, without which Excel reads UTF-8 as the local
 * code page ("Chloé" as "ChloÃ©"). A cell is quoted when it holds either separator, a quote or a
 * line break, whichever separator the file uses: a ";" left bare in a comma file starts a new cell
 * for a reader in a ";" locale.
 *
 * Names and departments come from the directory, not from us, so a cell that a spreadsheet would run
 * as a formula (starting with =, +, -, @, a tab, a carriage return or a line feed: OWASP "CSV
 * Injection"; a NUL: OWASP ASVS 1.2.10; or their full-width forms, which Excel's input method for
 * East Asian languages turns into the ASCII ones) is prefixed with ' and so read as text.
 */
export function toCsv(rows: readonly (readonly string[])[], separator: CsvSeparator = ","): string {
  return `\ufeff${rows.map((row) => row.map(cell).join(separator)).join("\r\n")}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r\n\0\uff1d\uff0b\uff0d\uff20]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
