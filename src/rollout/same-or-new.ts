/**
 * An array built only once it differs from `previous`: while every item is the same, nothing is
 * allocated. On 2,000 nodes, a new array per derivation of an unchanged list is garbage that the
 * browser collects in the middle of the next burst of events.
 */
export class SameOrNew<T> {
  private built: T[] | undefined;
  private length = 0;

  constructor(private readonly previous: readonly T[] | undefined) {}

  push(item: T): void {
    if (this.built === undefined && !this.samePrevious(item)) {
      this.built = this.previous?.slice(0, this.length) ?? [];
    }
    this.built?.push(item);
    this.length++;
  }

  /** The previous array when every item was the same, else the new one. */
  result(): readonly T[] {
    if (this.built !== undefined) return this.built;
    // Every item pushed was the previous one at its place: the previous array, or its start.
    const previous = this.previous ?? [];
    return previous.length === this.length ? previous : previous.slice(0, this.length);
  }

  private samePrevious(item: T): boolean {
    return (
      this.previous !== undefined &&
      this.length < this.previous.length &&
      this.previous[this.length] === item
    );
  }
}
