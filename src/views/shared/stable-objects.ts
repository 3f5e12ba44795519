/**
 * Keeps the identity of watched objects that did not change. Console's watch hooks may hand back fresh
 * copies of every object of a list when one of them changes; the rollout deriver and the table rows
 * skip work by object identity, so an object with the same uid and resourceVersion as before is
 * replaced by the copy seen before.
 */
interface Watched {
  metadata?: { name?: string; namespace?: string; uid?: string; resourceVersion?: string };
}

const keyOf = (object: Watched): string =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

const sameRevision = (a: Watched, b: Watched): boolean =>
  a.metadata?.uid === b.metadata?.uid &&
  a.metadata?.resourceVersion !== undefined &&
  a.metadata.resourceVersion === b.metadata?.resourceVersion;

export class StableList<T extends Watched> {
  private byKey = new Map<string, T>();
  private last: readonly T[] = [];

  /** `list` with each unchanged object replaced by its earlier copy; the earlier array if all are. */
  update(list: readonly T[]): readonly T[] {
    const byKey = new Map<string, T>();
    let unchanged = list.length === this.last.length;
    const result = list.map((object, i) => {
      const key = keyOf(object);
      const previous = this.byKey.get(key);
      const kept = previous !== undefined && sameRevision(previous, object) ? previous : object;
      byKey.set(key, kept);
      if (kept !== this.last[i]) unchanged = false;
      return kept;
    });
    this.byKey = byKey;
    if (!unchanged) this.last = result;
    return this.last;
  }
}
