import type { CardContext, DoctorCard } from "./card-data.js";
import type { CardText } from "./card-text.js";
import type { CardView } from "./card-view.js";
import { commonView } from "./common-view.js";
import { DOCTOR_SECTIONS, doctorCheckTitle, doctorSectionOf, doctorSummary } from "./doctor-check-title.js";
import { formatMoment } from "./format-card-date.js";

const MARKS = { ok: "✓", warn: "!", fail: "✗", skipped: "–" } as const;
const COLORS = { ok: "good", warn: "warning", fail: "attention", skipped: "default" } as const;

/**
 * Binds cards/doctor.json: the checklist by section, each check with its mark, what was found and
 * what to do. Check names and the frame are in the reader's language; what was found and the fix
 * are doctor's own words, in English, as the CLI prints them (they quote Graph's codes and names).
 */
export function doctorView(card: DoctorCard, context: CardContext, text: CardText): CardView {
  const statuses = card.checks.map((c) => c.status);
  const worst = statuses.includes("fail") ? "fail" : statuses.includes("warn") ? "warn" : "ok";
  const sections = DOCTOR_SECTIONS.map((section) => ({
    title: text.text(`doctor.sections.${section}`),
    checks: card.checks
      .filter((c) => doctorSectionOf(c.check) === section)
      .map((c) => ({
        title: `${MARKS[c.status]} ${doctorCheckTitle(c.check, text)}`,
        color: COLORS[c.status],
        detail: c.detail,
        showFix: c.status !== "ok" && c.fix !== "",
        fix: text.text("doctor.fix", { fix: c.fix }),
      })),
  })).filter((section) => section.checks.length > 0);
  const data = {
    ...commonView(context, text),
    title: text.text("doctor.title"),
    checkedAt: text.text("doctor.checkedAt", formatMoment(card.checkedAt, context)),
    summary: { text: doctorSummary(statuses, text), color: COLORS[worst] },
    sections,
  };
  return { template: "doctor", data };
}
