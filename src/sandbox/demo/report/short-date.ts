const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * "2025-03-04" as "4 Mar", or "4 Mar 2025" with `withYear`. Read from the string, not through Date,
 * so the label is the same whatever the zone of the machine that writes it. Anything else comes back as is.
 */
export function shortDate(date: string, withYear = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = MONTHS[Number(match?.[2]) - 1];
  if (!match || month === undefined) return date;
  return `${Number(match[3])} ${month}${withYear ? ` ${match[1]}` : ""}`;
}
