/** The bot's own identity with the Bot Framework (its Entra app registration). */
export interface BotCredentials {
  readonly appId: string;
  readonly password: string;
  readonly tenantId: string;
  readonly appType: "SingleTenant" | "MultiTenant";
}
