import { setFlagsFromString } from "node:v8";

/*
 * Most of the bot's live heap (about 100 MB) is code: botbuilder, teams-ai (which loads
 * botbuilder-dialogs and its recognizers) and the Graph SDK. V8 lets the old generation grow to up
 * to four times the live size before it collects, so a campaign pass over 100,000 people or an
 * hour of sending, whose garbage outlives a few scavenges while it waits on the store or on Teams,
 * took `start` from 200 MB to 260 to 450 MB of garbage it had not yet collected (bench:status,
 * bench:scaleout). Growing the heap by at most 30 % of what is live before the next full
 * collection keeps the peak near the live size, for a few more collections that V8 runs
 * concurrently. Node's docs warn that flags set after start-up may not take effect; this one is
 * read at every collection, which the benchmarks confirm (peak 237 to 245 MB at 100,000 people).
 */
setFlagsFromString("--heap-growing-percent=30");
