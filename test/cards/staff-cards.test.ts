import { describe, expect, it } from "vitest";
import { renderCard } from "../../src/cards/render-card.js";
import { nodes, visibleText } from "./card-nodes.js";
import { sampleContext } from "./card-samples.js";

describe("renderCard: cards for managers and the helpdesk", () => {
  it("gives a manager the person, the count and what to do, with no button at all", () => {
    const card = renderCard(
      "escalation",
      {
        managerFirstName: "Bernd",
        person: { displayName: "Anna Schmidt", userPrincipalName: "anna.schmidt@contoso.com" },
        remindersSent: 3,
        deadline: "2025-03-14",
        daysLeft: -5,
      },
      sampleContext("en"),
    );
    const text = visibleText(card);
    expect(text).toContain("I have reminded them 3 times so far.");
    expect(text).toContain("anna.schmidt@contoso.com");
    expect(text).toContain("5 days overdue");
    expect(text).not.toContain("Department");
    expect(nodes(card).filter((node) => String(node.type).startsWith("Action."))).toEqual([]);
  });

  it("tells the helpdesk who asked, their methods so far and when, in the channel's zone", () => {
    const card = renderCard(
      "helpdeskNotice",
      {
        person: { displayName: "Anna Schmidt", userPrincipalName: "anna.schmidt@contoso.com", department: "Finance", id: "id-1" },
        deadline: "2025-03-14",
        daysLeft: 3,
        methodsRegistered: [],
        requestedAt: "2025-03-11T13:32:00Z",
      },
      sampleContext("en"),
    );
    const text = visibleText(card);
    for (const fact of ["Anna Schmidt", "anna.schmidt@contoso.com", "Finance", "id-1", "None yet", "3 days left"])
      expect(text).toContain(fact);
    expect(text).toMatch(/Tuesday,? 11 March 2025 at 14:32 (CET|GMT\+1)/);
  });
});
