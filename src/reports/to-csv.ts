/**
 * RFC 4180 CSV. A cell starting with =, +, - or @ is prefixed with ' so a spreadsheet does not run
 * it as a formula (CSV injection): names and departments come from the directory, not from us.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
