import type { Person } from "../campaign/person.js";
import type { Language } from "../cards/card-data.js";
import { firstKnownLanguage, pickLanguage } from "../cards/pick-language.js";
import type { Store } from "../store/open-store.js";
import { readPeopleByIds } from "../store/read-people.js";
import { currentSnapshot } from "../store/sync-runs.js";

/** One person as the last complete sync saw them, if it did. */
export async function readSyncedPerson(store: Store, userId: string): Promise<Person | undefined> {
  const snapshot = await currentSnapshot(store);
  return snapshot ? (await readPeopleByIds(store, snapshot.id, [userId])).get(userId) : undefined;
}

/** A reply speaks the language of the message it answers when we have it, else the directory's. */
export async function replyLanguage(store: Store, actorId: string | undefined, locale: string | undefined): Promise<Language> {
  const person = actorId ? await readSyncedPerson(store, actorId) : undefined;
  return pickLanguage(firstKnownLanguage(locale, person?.preferredLanguage));
}
