/**
 * A Map for keyv's in-memory store that forgets its least recently used entries past a number of
 * entries or of bytes, so a long-running gateway does not grow without end.
 */
export class BoundedLru<V> extends Map<string, V> {
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
    /** The bytes a value holds; strings, buffers and JSON values are measured without it. */
    private readonly sizeOfValue: (value: V) => number = sizeOf,
  ) {
    super();
  }

  override get(key: string): V | undefined {
    const value = super.get(key);
    if (value !== undefined) {
      // Re-inserting moves the key to the end: Map iteration order is the recency order.
      super.delete(key);
      super.set(key, value);
    }
    return value;
  }

  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    this.bytes += key.length * 2 + this.sizeOfValue(value);
    for (const oldest of this.keys()) {
      if (this.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return this;
  }

  override delete(key: string): boolean {
    const value = super.get(key);
    if (value === undefined) return false;
    this.bytes -= key.length * 2 + this.sizeOfValue(value);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.bytes = 0;
  }

  get byteSize(): number {
    return this.bytes;
  }
}

/**
 * About the bytes a value holds, its strings at two bytes a character, walked rather than
 * serialized: a cached answer of a megabyte was written out whole only to be measured.
 */
function sizeOf(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  if (Buffer.isBuffer(value)) return value.byteLength;
  if (typeof value !== "object" || value === null) return 8;
  let bytes = 16;
  for (const [key, item] of Object.entries(value)) bytes += key.length * 2 + sizeOf(item);
  return bytes;
}
