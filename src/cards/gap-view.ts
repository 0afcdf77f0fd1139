import { meetsRequirement } from "../campaign/meets-requirement.js";
import type { Requirement } from "./card-data.js";
import type { CardText } from "./card-text.js";
import { methodNames } from "./method-names.js";

export interface GapView {
  /** Someone with nothing registered needs no list of what they have; someone with SMS only does. */
  show: boolean;
  haveLabel: string;
  have: string[];
  needed: string;
}

/**
 * What the person has that falls short of the requirement, and what is still needed. Whether it
 * falls short is the campaign's own test, so a card never contradicts the decision to send it.
 */
export function gapView(methods: readonly string[], requirement: Requirement, text: CardText): GapView {
  const have = methodNames(methods, text);
  return {
    show: have.length > 0 && !meetsRequirement(requirement, false, methods),
    haveLabel: text.text("gap.have"),
    have,
    needed: text.text("gap.needed", { needed: text.text(`needed.${requirement}`) }),
  };
}
