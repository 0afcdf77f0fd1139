import type { AdaptiveCard } from "../cards/adaptive-card.js";
import type { OutboxRow } from "../store/outbox.js";
import type { DoneDeps } from "./answer-done.js";

/** A button pressed on one of our cards, as Teams delivers it. */
export interface CardActionRequest {
  readonly verb: string;
  readonly data: unknown;
  /** The Entra object id of whoever pressed the button, as Teams reports it. */
  readonly actorId: string | undefined;
  /** The locale of the press (the language their Teams is in), which the answer follows when we have it. */
  readonly locale?: string | undefined;
}

/** A press that passed the recipient check: `row` is the message whose card it was, pressed by its recipient. */
export interface CardPress {
  readonly verb: string;
  readonly row: OutboxRow;
  readonly locale: string | undefined;
}

export interface CardActionDeps extends DoneDeps {
  /** Posts a card to the helpdesk's channel, when one is configured. */
  readonly notifyHelpdesk: ((card: AdaptiveCard) => Promise<void>) | undefined;
  /** Sends what a button just queued without waiting for the next scheduled run. */
  readonly deliverSoon: () => void;
}

export type CardActionResult = { readonly card: AdaptiveCard } | { readonly message: string };
