// @ts-check
/**
 * Mutation testing: `npm run test:mutation` (incremental), `npm run test:mutation:full` (every mutant). Not part of
 * .ci/run (too slow for 2 cores on every run); run it before resolving an issue that touches the code listed in `mutate`.
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  // Each mutant runs only the tests that reached it in the dry run.
  coverageAnalysis: "perTest",
  mutate: [
    "src/campaign/**/*.ts",
    "src/time/**/*.ts",
    "src/delivery/**/*.ts",
    "src/store/outbox.ts",
    "src/store/snapshot-rows.ts",
    "src/store/sync-runs.ts",
    "src/store/complete-sync-run.ts",
    "src/teams/paced-http-client.ts",
    "src/chatops/**/*.ts",
    "src/card-actions/**/*.ts",
  ],
  // Results are reused for mutants whose code and covering tests did not change. The file lives
  // under reports/ (git-ignored): committed, it would change on every run and conflict between
  // branches; missing, it only costs one full run.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  // Two cores, shared: one runner per core.
  concurrency: 2,
  // Stryker's default: added to 1.5 times a test's own time before a mutant counts as looping.
  timeoutMS: 5_000,
  tempDirName: ".stryker-tmp",
  // Anchored to the project root ("/reports", not "reports"): a bare name is gitignore-style and drops
  // every directory of that name, src/reports and test/reports included. A test that imports
  // src/reports (test/chatops/answer-message.test.ts did, through the chat command table) then failed
  // to load in the sandbox, and vitest reported that as a file with no tests, not as an error: the
  // mutants only it reached showed as "no coverage".
  ignorePatterns: ["/dist", "/data", "/out", "/reports", "/coverage", "/docs", "/manifest", "/bench", "*.zip"],
};

/*
 * Mutants left alive on purpose, with why. Each is either equivalent (no behaviour can tell it
 * from the original) or only observable where the mutation run does not go. Line numbers as of
 * this commit; `npm run test:mutation` lists the live ones after every run.
 *
 * Equivalent:
 * - campaign/assess-person.ts:53 and :61 `x !== undefined && x > now` with the first half made
 *   `true`: `undefined > now` is false anyway. The same for campaign/plan-person.ts:79
 *   `snoozedUntil !== undefined && (lastReminderAt ?? 0) < snoozedUntil`: `n < undefined` is false.
 * - campaign/current-step.ts:20 `daysLeft >= 0` made `> 0`: on the deadline day the overdue branch
 *   counts no working days and falls back to the last configured step, the same one the
 *   before-the-deadline branch picks (every threshold is reached).
 * - campaign/local-calendar.ts:64 `span <= 0` made `< 0`: a span of 0 counts nothing either way.
 * - campaign/local-calendar.ts:83 `i < 8` made `<= 8`: a ninth day is only tried when no day of the
 *   week is a working day, and then both return `notBefore`.
 * - campaign/local-calendar.ts:38 and :84 (no coverage) the `?? ""` after Luxon's toISODate(): it is
 *   null only for an invalid zone, and every zone is checked with isValidZone first.
 * - campaign/local-calendar.ts:28 `remembered.has(key)` made `false`, and :29 the bound
 *   `remembered.size >= 4096` made `true`, `false`, `>` or `<`: the remembered functions are pure,
 *   so an answer recomputed is the answer remembered; only time and memory differ.
 * - campaign/local-calendar.ts:77 the window's days joined with "" instead of ",": weekdays are the
 *   single digits 1 to 7, so the key names the same days either way.
 * - campaign/person.ts:65 emptyHistory's `signInInterrupts: []` made `["Stryker was here"]`: a
 *   string's `at` is String.prototype.at, a function, and `function >= since` is false, so
 *   recentInterrupts drops it and nobody is helped.
 * - campaign/plan-person.ts:35 `phase?.name` made `phase.name`: every caller passes a phase.
 * - time/sliding-window.ts:35 `stamps.length > 0` made `true`/`>= 0`: `stamps[0]` is undefined on an
 *   empty list and `undefined <= n` is false.
 * - time/sliding-window.ts:65 the sorted insert's `i > 0` made `true`/`>= 0`, and `>` made `>=`:
 *   `stamps[-1]` is undefined, so the loop stops at 0 regardless; equal stamps are interchangeable.
 * - store/complete-sync-run.ts:32 the alias of the selected instant: INSERT ... SELECT fills the
 *   listed columns by position, not by name.
 * - store/outbox.ts:197 `row?.at` made `row.at`: an aggregate without GROUP BY always returns a row.
 * - store/outbox.ts:195 (no coverage) `onlyKinds ?? []`: Kysely's $if runs that callback only when
 *   onlyKinds is set; the fallback is there for the type checker.
 * - teams/paced-http-client.ts:121 (no coverage) `match[1] ?? ""`: the group is not optional, so a
 *   match always has it; the fallback is there for the type checker.
 * - teams/paced-http-client.ts:129 the abort listener's `{ once: true }` made `{}` or `once: false`: a
 *   signal aborts (and fires "abort") at most once, and aborting the combined controller again does
 *   nothing, so the listener's staying attached afterwards changes nothing a caller can see.
 *
 * Only observable where the mutation run does not go:
 * - store/outbox.ts:73 (three mutants) `for update skip locked` on PostgreSQL only: without it two
 *   instances could claim the same row, which shows only under concurrent claims on PostgreSQL
 *   (test/store/outbox-claim-processes.test.ts, run by `npm test`, not here: its workers are
 *   separate processes that Stryker cannot switch mutants in).
 *
 * card-actions, all equivalent:
 * - card-actions/answer-reminder-button.ts:26 and :38 `history?.` made `history.`, and :46
 *   `outcome?.granted` made `outcome.granted`: readHistories returns a history for every id it is
 *   asked for (emptyHistory for someone with none), so history, and the snooze planned from it, are
 *   always there.
 * - card-actions/answer-reminder-button.ts:73 `if (deps.notifyHelpdesk)` made `true`, and :111
 *   `deps.notifyHelpdesk?.(card)` made `deps.notifyHelpdesk(card)`: each is guarded by the other
 *   (without a channel, the first only makes notify read the person and call nothing).
 * - card-actions/answer-reminder-button.ts:108 the helpdesk notice's language `"en"` made `""`:
 *   pickLanguage("") is English too.
 * - card-actions/answer-digest-action.ts:43 the manager's history read for `[]`, and :48
 *   `history?.timeZone` made `history.timeZone`: the zone only sets the answer card's context, and
 *   the digest-reminded card shows no date or time (and readHistories has a history for every id).
 * - card-actions/answer-done.ts:55 `ids` made `{}`: only the "checking" card uses them, and
 *   checking.json shows them only on the "later" state's retry button.
 * - card-actions/answer-done.ts:90 `reported?.methods ?? []` (`?.` dropped; the `[]`, no coverage):
 *   it is read only when reportEnough, which needs `reported` defined, and its methods are an array.
 * - card-actions/answer-done.ts:109 `"upcoming"` made `""`: the still-missing card only asks
 *   whether the kind is "overdue".
 * - card-actions/cache-live-checks.ts:28-29 forget's body emptied, its `entry.until <= now` made
 *   `false` or `<`: forget only frees memory. An expired entry is never returned (the lookup asks
 *   `until > now`) and is overwritten by the next check.
 * - card-actions/cache-live-checks.ts:40 and :44 `entry?.methods === methods` made `true` (and
 *   `?.` dropped): a check in flight is kept until Infinity, so forget never removes it and no
 *   other press replaces it; when it settles the entry is always its own.
 *
 * chatops (src/chatops), equivalent:
 * - chatops/answer-file-consent.ts:20 and chatops/export-command.ts:32 `Buffer.from(csv, "utf8")` with the
 *   encoding made "": Node reads an empty encoding as UTF-8.
 * - chatops/answer-message.ts:65 (no coverage) `actorId ?? ""`: a command runs only for an admin, and the
 *   roster answers false for a sender without an id (chatops/admin-roster.ts:35).
 * - chatops/answer-message.ts:87 `if (!actorId)` made `false`: looking up an absent id finds no person and
 *   no state, which gives the same reader context as not looking.
 * - chatops/export-command.ts:44 `scope.length === 0` made `false`: a page with nobody in scope reads
 *   nothing and adds no row either way; the check only saves the three lookups.
 * - chatops/export-command.ts:51 the manager ids of someone without a manager made ["Stryker was here"]: an
 *   id nobody has is looked up, not found, and never asked for.
 * - chatops/export-command.ts:57 `findPhase(...)?.name` made `.name`, its `?? ""` (no coverage), and :65
 *   `policy.phases.find(...)?.deadline` made `.deadline`: the rows are only people in a phase (the filter
 *   at :43), and that phase is one of policy.phases.
 * - chatops/parse-command.ts:33 either `\s+` made `\s`, and :36 the argument's `.trim()`: by then every run
 *   of whitespace is one space and both ends are trimmed (:31-32).
 * - chatops/pending-command.ts:21 the filter's `.trim()`: it is non-empty words joined by single spaces.
 * - chatops/pending-command.ts:60 the stand-in id "(nobody)" made "": a missing manager is null, never "".
 * - chatops/pending-command.ts:64 a missing department read as "Stryker was here!" instead of "": it
 *   matches no filter but that very text (an empty filter lists everyone before this is reached).
 * - chatops/preview-command.ts:11 the sample's cap removed or made `sampleSize + sample.length`, and :21 the
 *   filter of zero counts removed, made `true` or `>= 0`: the preview card shows at most ten of the
 *   sample and leaves zero counts out itself (cards/preview-view.ts). The command's own cap keeps the
 *   sample small on a large tenant, which no card shows.
 * - chatops/remind-command.ts:18 the `names` of the usage and not-found texts made "Stryker was here!":
 *   neither text has a {names} placeholder.
 * - chatops/remind-command.ts:28 `||` made `&&`, or its first half made `false`: a ManualReminder has
 *   notBefore exactly when its decision is "remind" (campaign/plan-manual-reminder.ts), so either half
 *   decides alone.
 * - chatops/reply-place.ts:31 `toLowerCase()` made `toUpperCase()`: both ids get the same change of case
 *   before they are compared; `[0]?.` made `[0].` and its `?? ""` (no coverage): split always returns a
 *   first element.
 * - chatops/user-command.ts:24 (no coverage) `p.displayName ?? ""` in an ambiguous search's names: the
 *   search matches display names, so everyone it finds has one.
 * - chatops/user-command.ts:30 the assessment made as if paused: a pause skips a person with the phase and
 *   deadline they would have had (campaign/assess-person.ts:50-52), and the card reads nothing else of it.
 * - chatops/user-command.ts:34 the phase name of someone in no phase made "Stryker was here!" instead of
 *   "": no deadline is stored under either.
 * - chatops/user-command.ts:52 `x !== undefined && x > now` with the first half made `true`: `undefined >
 *   now` is false.
 * - chatops/user-command.ts:62 `found.length > 1` made `true` or `>= 1`: with no match, an empty list and
 *   undefined both answer "not found".
 * - chatops/user-command.ts:87 `m.status === "sent"` made `false` or `=== ""`: a sent message then falls
 *   through to its own status, "sent"; and (no coverage) `m.step ?? ""`: every reminder has a step, as
 *   its dedupe key is made of it.
 * - chatops/user-command.ts:91 the events' sort, and its comparator made `() => undefined`: the user card
 *   sorts them by time again (cards/user-view.ts).
 * - chatops/welcome-card.ts:26 (no coverage) `name.split(" ")[0] ?? ""`: split always returns a first
 *   element.
 *
 * delivery (src/delivery), equivalent:
 * - delivery/app-installer.ts:99 `graphCodeOf(error) === "Request_ResourceNotFound"` made `false`, and its
 *   string made "": such a 404 never reaches wrongCatalogId on the installedApps path. installFor turns it
 *   into userGone before the guard sees it, and chatWith's lookup path ends in its query string
 *   (`?$expand=…`), which the `installedApps$` test does not match.
 * - delivery/app-installer.ts:101 `typeof path !== "string"` made `false`: the regex then tests the
 *   stringified value, and a path that is not a string (toGraphError always sets one) is undefined,
 *   which does not end in /teamwork/installedApps either.
 * - delivery/drain-outbox.ts:116 `outcome.result === "retry"` made `true`, :120 the same test made
 *   `true`, and :124 `(… "sent" || … "retry")` made `true`: only a retry carries `unanswered`, the drain
 *   halts only after one, and only sent and retry outcomes carry `installed`.
 * - delivery/outbox-payload.ts:70 the display name's split `/[\s,]+/` made `/[\s,]/`: only the first
 *   piece is used, and it is the same either way (an empty one either way when the name starts with
 *   a comma); and :71 (no coverage) the last `|| ""` made "Stryker was here!": split always returns
 *   a first element, a string, so it is never reached.
 *
 * delivery, only observable where the mutation run does not go:
 * - delivery/drain-outbox.ts:84 the warning about claims taken back (`recovered > 0` made `false`; its
 *   fields and text, no coverage) and :206 the presence never released: releaseClaimsOfDeparted and
 *   holdPresence act on PostgreSQL only. Killed by
 *   test/delivery/drain-outbox-departed.test.ts when TEST_DATABASE_URL is set.
 *
 * Incremental runs reuse the result of a static mutant (code run once at import, e.g. the Set of
 * transient statuses in delivery/retry-delay.ts) even after the tests change: Stryker cannot tell
 * which tests cover it (stryker-js#4372). A survivor or "no coverage" at import-time code after new
 * tests may be stale; `npm run test:mutation:full` retests everything.
 */
