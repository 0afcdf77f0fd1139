/** What the simulated connector keeps of every message a bot sent. */
export interface RecordedActivity {
  readonly id: string;
  readonly conversationId: string;
  /** The Entra object id of the person the 1:1 conversation is with (or the channel's id). */
  readonly userId: string;
  readonly activity: Record<string, unknown>;
  readonly at: number;
  readonly kind: "send" | "update" | "reply";
}

export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  readonly at: number;
  readonly status: number;
  readonly authorization: string | undefined;
}
