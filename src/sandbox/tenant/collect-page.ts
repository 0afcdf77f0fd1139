/** One page of a collection and where the next one starts. */
export interface Page<R> {
  rows: R[];
  /** The index to resume from, or undefined when nothing matching is left. */
  next: number | undefined;
}

/**
 * Scans `items` from `start`, keeping up to `size` rows that `toRow` accepts (undefined = filtered
 * out). It looks ahead for one more match so the last page carries no nextLink, as Graph's does.
 * Cursors index the unfiltered list, so pages stay stable while the filter's matches change.
 */
export function collectPage<T, R>(items: readonly T[], start: number, size: number, toRow: (item: T) => R | undefined): Page<R> {
  const rows: R[] = [];
  let index = start;
  for (; index < items.length && rows.length < size; index++) {
    const row = toRow(items[index] as T);
    if (row !== undefined) rows.push(row);
  }
  for (let ahead = index; ahead < items.length; ahead++) {
    if (toRow(items[ahead] as T) !== undefined) return { rows, next: index };
  }
  return { rows, next: undefined };
}
