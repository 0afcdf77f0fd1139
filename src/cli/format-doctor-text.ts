import { CardText } from "../cards/card-text.js";
import { DOCTOR_SECTIONS, doctorCheckTitle, doctorSectionOf, doctorSummary } from "../cards/doctor-check-title.js";
import type { CheckStatus } from "../doctor/check-result.js";
import type { DoctorReport } from "../doctor/run-doctor.js";

const MARKS: Record<CheckStatus, string> = { ok: "✓", warn: "!", fail: "✗", skipped: "–" };
// ANSI colours: green, yellow, red, dim.
const COLOURS: Record<CheckStatus, string> = { ok: "\u001b[32m", warn: "\u001b[33m", fail: "\u001b[31m", skipped: "\u001b[2m" };
const RESET = "\u001b[0m";

/**
 * The checklist for a person at a terminal: a section per part of the setup, a line per check with
 * its mark, what was found, and below anything not ok what to do. Colour only on a terminal.
 */
export function formatDoctorText(report: DoctorReport, colour: boolean): string {
  const text = CardText.load("en");
  const paint = (status: CheckStatus, s: string) => (colour ? `${COLOURS[status]}${s}${RESET}` : s);
  const lines = [`${text.text("doctor.title")}, ${report.checkedAt.slice(0, 16).replace("T", " ")} UTC`];
  for (const section of DOCTOR_SECTIONS) {
    const checks = report.checks.filter((c) => doctorSectionOf(c.check) === section);
    if (checks.length === 0) continue;
    lines.push("", text.text(`doctor.sections.${section}`));
    for (const c of checks) {
      lines.push(`  ${paint(c.status, MARKS[c.status])} ${doctorCheckTitle(c.check, text)}: ${c.detail}`);
      if (c.status !== "ok" && c.fix !== "") lines.push(`      ${text.text("doctor.fix", { fix: c.fix })}`);
    }
  }
  const summary = doctorSummary(
    report.checks.map((c) => c.status),
    text,
  );
  lines.push("", report.checks.some((c) => c.status === "fail") ? paint("fail", summary) : summary);
  return `${lines.join("\n")}\n`;
}
