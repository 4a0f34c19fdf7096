import type { UpstreamError } from "./upstream-error.js";
import type { Exchange } from "./send-request.js";

/** Reads an answer up to the configured size; a larger one (declared or streamed) is refused. */
export async function readBounded(
  answer: Exchange,
  max: number,
  refuse: () => UpstreamError,
): Promise<Buffer> {
  if ((answer.declaredLength ?? 0) > max) {
    answer.discard();
    throw refuse();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of answer.body) {
    size += chunk.byteLength;
    if (size > max) {
      answer.discard();
      throw refuse();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
