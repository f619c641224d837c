/**
 * A reference table changes only through a migration, and migrations run before the service
 * starts, so each table is read once and then served from memory. A failed read is not
 * remembered: the next request reads again.
 */
export class StaticTable<T> {
  private loading?: Promise<T>;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.loading) {
      this.loading = this.load().catch((error: unknown) => {
        this.loading = undefined;
        throw error;
      });
    }
    return this.loading;
  }
}
