import type { UpstreamError } from "./upstream-error.js";

/** Reads an answer up to the configured size; a larger one (declared or streamed) is refused. */
export async function readBounded(
  response: Response,
  max: number,
  refuse: () => UpstreamError,
): Promise<Buffer> {
  if (Number(response.headers.get("content-length") ?? 0) > max) {
    await response.body?.cancel();
    throw refuse();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw refuse();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
