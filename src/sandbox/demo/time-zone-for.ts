/** The zone a person's Teams client would report, by their usage location (the demo's people are in these). */
const zones: Record<string, string> = {
  GB: "Europe/London",
  US: "America/New_York",
  DE: "Europe/Berlin",
  FR: "Europe/Paris",
  ES: "Europe/Madrid",
  NL: "Europe/Amsterdam",
};

export function timeZoneFor(usageLocation: string | null): string | undefined {
  return usageLocation ? zones[usageLocation] : undefined;
}
