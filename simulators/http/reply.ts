/** What a handler answers; the server turns it into bytes. */
export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** Serialized as JSON unless `raw` is given. */
  json?: unknown;
  raw?: Buffer | string;
  contentType?: string;
}

export const json = (status: number, body: unknown, headers?: Reply["headers"]): Reply => ({
  status,
  json: body,
  headers,
});

export const empty = (status: number, headers?: Reply["headers"]): Reply => ({ status, headers });

export const bytes = (body: Buffer | string, contentType: string): Reply => ({
  status: 200,
  raw: body,
  contentType,
});

/** Thrown by handlers and helpers to answer at once. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`reply ${reply.status}`);
  }
}
