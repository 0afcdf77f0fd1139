import { describe, expect, it, vi } from "vitest";
import type { CardContext } from "../../src/cards/card-data.js";
import { doctorCommand } from "../../src/chatops/doctor-command.js";
import type { CommandContext } from "../../src/chatops/command-context.js";
import type { DoctorReport } from "../../src/doctor/run-doctor.js";
import { sampleContext } from "../cards/card-samples.js";

const context = (runDoctor: () => Promise<DoctorReport>, card: CardContext = sampleContext("de")) =>
  ({ runDoctor, card }) as unknown as CommandContext;

describe("/mfa doctor", () => {
  it("answers with the checklist card when the run finishes in time", async () => {
    const report: DoctorReport = {
      checks: [{ check: "access.licence", status: "fail", detail: "The tenant has no Entra ID P1 or P2.", fix: "Assign one." }],
      enforcement: { state: "unknown", policies: [], checkedAt: "2025-03-11T09:00:00.000Z" },
      credentialsMissing: false,
      checkedAt: "2025-03-11T09:00:00.000Z",
    };
    const reply = await doctorCommand(1_000)(
      "",
      context(() => Promise.resolve(report)),
    );
    expect(reply.kind).toBe("card");
    expect(reply.kind === "card" && reply.card.fallbackText).toBe("Prüfung der Einrichtung: 1 Problem zu beheben");
  });

  it("leaves no timer behind once the run has answered: a finished check does not keep the process waiting 10 seconds", async () => {
    vi.useFakeTimers();
    try {
      const report: DoctorReport = {
        checks: [],
        enforcement: { state: "unknown", policies: [], checkedAt: "2025-03-11T09:00:00.000Z" },
        credentialsMissing: false,
        checkedAt: "2025-03-11T09:00:00.000Z",
      };
      const reply = await doctorCommand()(
        "",
        context(() => Promise.resolve(report)),
      );
      expect(reply.kind).toBe("card");
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers in words, in the reader's language, when the run outlasts Teams' patience, and lets it finish", async () => {
    let finished = false;
    const slow = () =>
      new Promise<DoctorReport>((_resolve, reject) => setTimeout(() => ((finished = true), reject(new Error("late"))), 80));
    const reply = await doctorCommand(20)("", context(slow));
    expect(reply).toEqual({
      kind: "text",
      text:
        "Die Prüfung läuft noch: Sie dauert länger, als Teams auf eine Antwort wartet. Geben Sie in einer Minute noch einmal " +
        "mfa doctor ein, um das Ergebnis zu sehen.",
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(finished).toBe(true);
  });
});
