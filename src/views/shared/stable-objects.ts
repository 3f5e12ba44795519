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
  /** The kept copy of each object by namespace/name; deleted objects linger until the next rebuild. */
  private byKey = new Map<string, T>();
  /** What was kept for each object given before: a store that keeps unchanged objects (console's does) hands the same ones back, which then cost one lookup. */
  private readonly keptFor = new WeakMap<T, T>();
  private lastInput: readonly T[] = [];
  private last: readonly T[] = [];

  /** `list` with each unchanged object replaced by its earlier copy; the earlier array if all are. */
  update(list: readonly T[]): readonly T[] {
    if (list === this.lastInput) return this.last;
    let unchanged = list.length === this.last.length;
    const result = list.map((object, i) => {
      let kept = this.keptFor.get(object);
      if (kept === undefined) {
        const key = keyOf(object);
        const previous = this.byKey.get(key);
        kept = previous !== undefined && sameRevision(previous, object) ? previous : object;
        this.byKey.set(key, kept);
        this.keptFor.set(object, kept);
      }
      if (kept !== this.last[i]) unchanged = false;
      return kept;
    });
    if (this.byKey.size > 2 * result.length + 100)
      this.byKey = new Map(result.map((object) => [keyOf(object), object]));
    this.lastInput = list;
    if (!unchanged) this.last = result;
    return this.last;
  }
}
