import * as zlib from "node:zlib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { compress } from "../../src/server/compression.js";

/** zlib's own functions, watched: which of them made an answer's bytes, on the loop or in the pool. */
vi.mock("node:zlib", async (importOriginal) => {
  const real = await importOriginal<typeof zlib>();
  return {
    ...real,
    brotliCompress: vi.fn(real.brotliCompress),
    brotliCompressSync: vi.fn(real.brotliCompressSync),
    gzip: vi.fn(real.gzip),
    gzipSync: vi.fn(real.gzipSync),
  };
});

const answer = (text: string, times: number) => JSON.stringify({ data: { text: text.repeat(times) } });
const quality3 = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } };

beforeEach(() => vi.clearAllMocks());

describe("compress", () => {
  it("makes a small answer on the event loop: brotli at quality 3, or gzip", async () => {
    const small = answer("a repository ", 150);
    const bytes = await compress(small, "br");
    expect(zlib.brotliCompressSync).toHaveBeenCalledTimes(1);
    expect(zlib.brotliCompress).not.toHaveBeenCalled();
    expect(bytes.equals(zlib.brotliCompressSync(Buffer.from(small), quality3))).toBe(true);
    expect(zlib.gunzipSync(await compress(small, "gzip")).toString()).toBe(small);
    expect(zlib.gzipSync).toHaveBeenCalledTimes(1);
  });

  it("makes a large answer in zlib's pool, off the loop", async () => {
    const large = answer("a repository ", 16_000);
    expect(zlib.brotliDecompressSync(await compress(large, "br")).toString()).toBe(large);
    expect(zlib.gunzipSync(await compress(large, "gzip")).toString()).toBe(large);
    expect(zlib.brotliCompress).toHaveBeenCalledTimes(1);
    expect(zlib.gzip).toHaveBeenCalledTimes(1);
    expect(zlib.brotliCompressSync).not.toHaveBeenCalled();
    expect(zlib.gzipSync).not.toHaveBeenCalled();
  });

  it("weighs an answer by its bytes, not its characters: 30,000 of three bytes each go to the pool", async () => {
    const wide = answer("語", 30_000);
    expect(wide.length).toBeLessThan(64 * 1024);
    expect(zlib.brotliDecompressSync(await compress(wide, "br")).toString()).toBe(wide);
    expect(zlib.brotliCompress).toHaveBeenCalledTimes(1);
    expect(zlib.brotliCompressSync).not.toHaveBeenCalled();
  });
});
