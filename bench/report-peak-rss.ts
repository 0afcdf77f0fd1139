/**
 * Loaded with `node --import` into a process a benchmark starts (sync, run-once, start): at exit it
 * writes the process's peak resident memory, in kilobytes, to the file PEAK_RSS_FILE names.
 */
import { writeFileSync } from "node:fs";

const file = process.env.PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
