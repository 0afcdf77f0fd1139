import type { CardText } from "./card-text.js";

/** The section a check belongs to, from its id's first part: access, teams, campaign or enforcement. */
export const DOCTOR_SECTIONS = ["access", "teams", "campaign", "enforcement"] as const;

export function doctorSectionOf(check: string): string {
  return check.split(".")[0] ?? "";
}

/** A check's name in the reader's language: "access.permission.User.Read.All" reads "Permission User.Read.All". */
export function doctorCheckTitle(check: string, text: CardText): string {
  const permission = /^access\.permission\.(.+)$/.exec(check);
  if (permission) return text.text("doctor.checks.permission", { name: permission[1] ?? "" });
  const key = `doctor.checks.${check.split(".")[1] ?? ""}`;
  return text.has(key) ? text.text(key) : check;
}

/** The counts line: "2 problems to fix · 1 thing to look at", or "Nothing to fix." */
export function doctorSummary(statuses: readonly string[], text: CardText): string {
  const count = (status: string) => statuses.filter((s) => s === status).length;
  const parts = [
    count("fail") > 0 ? text.plural("doctor.problems", count("fail")) : "",
    count("warn") > 0 ? text.plural("doctor.warnings", count("warn")) : "",
    count("skipped") > 0 ? text.plural("doctor.skipped", count("skipped")) : "",
  ].filter((part) => part !== "");
  return count("fail") === 0 && count("warn") === 0 ? [text.text("doctor.allGood"), ...parts].join(" · ") : parts.join(" · ");
}
