/**
 * A value a process builds from Postgres and replaces whole (a match index, the customer index): one build at a time,
 * concurrent callers sharing it, and the new value swapped in only once complete, so a reader in flight keeps the one
 * it started with.
 */
export class SwappedBuild<T> {
  private value?: T;
  private building?: Promise<T>;

  constructor(private readonly build: () => Promise<T>) {}

  /** The last complete value, if any has been built. */
  get loaded(): T | undefined {
    return this.value;
  }

  /** True while a build is under way. */
  get isBuilding(): boolean {
    return this.building !== undefined;
  }

  /** The last complete value, building it on first use. */
  async current(): Promise<T> {
    return this.value ?? this.rebuild();
  }

  /** Starts a build, or joins the one under way; resolves to the value once swapped in. */
  rebuild(): Promise<T> {
    this.building ??= this.build()
      .then((value) => (this.value = value))
      .finally(() => {
        this.building = undefined;
      });
    return this.building;
  }
}
