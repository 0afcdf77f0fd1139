/**
 * `npm run test:mutation`, after Stryker: the mutation score per folder of the code it mutated,
 * from Stryker's JSON report, and every mutant still alive. Exits 1 when a folder is under the
 * goal (issue #13: 85 %), so the number cannot be missed.
 *
 * Usage: node dist/scripts/summarize-mutation.js [reports/mutation/mutation.json]
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";

const goal = 85;

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

interface Report {
  readonly files: Record<string, { readonly mutants: readonly Mutant[] }>;
}

interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
}

/** Stryker's score: mutants detected (killed or timed out) over all valid ones (errors and ignored left out). */
function tallyOf(mutants: readonly Mutant[], into: Tally = { killed: 0, survived: 0, noCoverage: 0 }): Tally {
  for (const m of mutants) {
    if (m.status === "Killed" || m.status === "Timeout") into.killed += 1;
    else if (m.status === "Survived") into.survived += 1;
    else if (m.status === "NoCoverage") into.noCoverage += 1;
  }
  return into;
}

const scoreOf = (t: Tally): number => {
  const total = t.killed + t.survived + t.noCoverage;
  return total === 0 ? 100 : (100 * t.killed) / total;
};

const path = process.argv[2] ?? "reports/mutation/mutation.json";
const report = JSON.parse(readFileSync(path, "utf8")) as Report;
const folders = new Map<string, Tally>();
const files = Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b));
for (const [file, { mutants }] of files) {
  // The outbox and snapshot modules of src/store are one folder's worth; a lone file is its own.
  const folder = dirname(file);
  folders.set(folder, tallyOf(mutants, folders.get(folder)));
}

const row = (name: string, t: Tally) =>
  `${name.padEnd(40)} ${scoreOf(t).toFixed(2).padStart(7)} %  ${String(t.killed).padStart(6)} ` +
  `${String(t.survived).padStart(8)} ${String(t.noCoverage).padStart(8)}`;
console.log(`${"Folder".padEnd(40)} ${"Score".padStart(9)}  ${"Killed".padStart(6)} ${"Survived".padStart(8)} ${"No cov.".padStart(8)}`);
for (const [folder, t] of folders) console.log(row(folder, t));
const all = tallyOf(files.flatMap(([, f]) => f.mutants));
console.log(row("all", all));

const alive = files.flatMap(([file, { mutants }]) =>
  mutants
    .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
    .map(
      (m) =>
        `${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} ` +
        `${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80)}`.trim(),
    ),
);
if (alive.length > 0) console.log(`\nStill alive (explain each in stryker.config.mjs or kill it):\n${alive.join("\n")}`);

const under = [...folders].filter(([, t]) => scoreOf(t) < goal).map(([folder]) => folder);
if (under.length > 0) {
  console.error(`\nUnder the ${goal} % goal: ${under.join(", ")}`);
  process.exitCode = 1;
}
