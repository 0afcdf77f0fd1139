import { describe, expect, it } from "vitest";
import { PHONE_ROW_WIDTH, buttonRowWidth, ofType, render, type CardNode } from "./card-nodes.js";
import { adminSampleCards } from "./admin-card-samples.js";
import { LANGUAGES, sampleCards } from "./card-samples.js";

// Every card of both families: the ones people are reminded with, and the admins' and managers'.
const everySample = LANGUAGES.flatMap((language) =>
  [...sampleCards(language), ...adminSampleCards(language)].map((sample) => ({ ...sample, label: `${language}: ${sample.label}` })),
);

describe("every card on a phone", () => {
  it("wraps every TextBlock, in charts' fallbacks too, so nothing is cut off", () => {
    const unwrapped = everySample.flatMap((sample) =>
      ofType(render(sample), "TextBlock")
        .filter((block) => block.wrap !== true)
        .map((block) => `${sample.label}: ${String(block.text)}`),
    );
    expect(unwrapped).toEqual([]);
  });

  it("fits every row of buttons, where Teams would otherwise cut labels short", () => {
    const tooWide = everySample.flatMap((sample) =>
      ofType(render(sample), "ActionSet")
        .map((set) => (set.actions as CardNode[]).map((action) => String(action.title)))
        .filter((titles) => buttonRowWidth(titles) > PHONE_ROW_WIDTH)
        .map((titles) => `${sample.label}: ${titles.join(" | ")} (${Math.round(buttonRowWidth(titles))} px)`),
    );
    expect(tooWide).toEqual([]);
  });
});
