/** A 1:1 conversation with a person, as Teams knows it. */
export interface ConversationRef {
  readonly conversationId: string;
  readonly serviceUrl: string;
}

/** The proactive half of the Teams surface, as delivery needs it (implemented in teams/). */
export interface TeamsMessenger {
  /** Opens (or finds again: Teams returns the same one) the bot's 1:1 chat with this person. */
  openConversation(userId: string): Promise<ConversationRef>;
  /** Sends an activity; returns its id. */
  send(ref: ConversationRef, activity: Record<string, unknown>): Promise<string>;
  /** Replaces a sent message, for everyone in the conversation on every device (updateActivity). */
  update(ref: ConversationRef, activityId: string, activity: Record<string, unknown>): Promise<void>;
}

/** A refusal from the Bot Connector, normalised from whatever the SDK threw. */
export class TeamsDeliveryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "TeamsDeliveryError";
  }
}
