/** Results computed from the workbook, kept until the workbook changes (its version moves on). */
export class VersionedCache<V> {
  private readonly entries = new Map<string, V>();
  private version = -1;

  constructor(private readonly currentVersion: () => number) {}

  get(key: string): V | undefined {
    this.dropIfStale();
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.dropIfStale();
    this.entries.set(key, value);
  }

  private dropIfStale(): void {
    const v = this.currentVersion();
    if (v === this.version) return;
    this.entries.clear();
    this.version = v;
  }
}
