import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { DemoReportData } from "../../sandbox/demo/report/demo-report-data.js";
import { DateTime } from "luxon";
import { playDemo } from "../../sandbox/demo/play-demo.js";
import { writeDemoReport } from "../../sandbox/demo/report/write-demo-report.js";
import type { CliIo } from "../cli-io.js";

interface DemoOptions {
  size: string;
  seed: string;
  days: string;
  start?: string;
  out: string;
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description("Play a whole MFA campaign against a simulated tenant and Teams, in about a minute, and write an HTML report")
    .option("--size <n>", "people in the simulated tenant", "400")
    .option("--seed <n>", "the same seed plays the same campaign", "7")
    .option("--days <n>", "simulated days to play", "35")
    .option("--start <date>", "the campaign's first day (default: next Monday)")
    .option("--out <dir>", "where the report, the campaign file and the SQLite store go", "out/demo")
    .addHelpText(
      "after",
      "\nEverything runs on 127.0.0.1 on simulated time: a generated tenant served as Graph, a Teams connector\n" +
        "that keeps every message, the real bot and campaign job, and people who answer their cards.\n\nExample:\n  mfa-nudge " +
        "demo --size 1000 --days 42",
    )
    .action(async (options: DemoOptions) => {
      const start = options.start ?? nextMonday();
      const outDir = resolve(options.out);
      const began = performance.now();
      io.stdout.write(
        `Playing a ${options.days}-day MFA campaign for a simulated tenant of ${options.size} people (seed ${options.seed}), ` +
          `from ${start}.\n\n`,
      );
      const data = await playDemo({
        size: Number(options.size),
        seed: Number(options.seed),
        days: Number(options.days),
        start,
        outDir,
        print: (line) => io.stdout.write(`${line}\n`),
      });
      const report = join(outDir, "index.html");
      writeFileSync(report, writeDemoReport(data));
      const t = data.totals;
      io.stdout.write(
        `\n${t.reminders} reminders, ${t.escalations} escalations to managers, ${t.snoozes} snoozes, ${t.helpRequests} help requests; ` +
          `${t.unreachable} unreachable, ${t.excluded} accounts excluded (break-glass and service).\n` +
          afterEnforcement(data.enforcement) +
          `Played in ${((performance.now() - began) / 1000).toFixed(1)} s. Report: ${report}\n`,
      );
    });
}

/** How the bot helped the people Entra ID stopped at sign-in after the enforcement date. */
function afterEnforcement(e: DemoReportData["enforcement"]): string {
  if (!e) return "";
  return (
    `After enforcement on ${e.date}: ${e.peopleStopped} people stopped at sign-in, ${e.peopleHelped} of them got the help card ` +
    `(${e.helpCards} sent), ${e.registeredAfterHelp} registered after it.\n`
  );
}

function nextMonday(): string {
  const today = DateTime.utc().startOf("day");
  return today.plus({ days: (8 - today.weekday) % 7 || 7 }).toISODate() ?? "";
}
