import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ConfigError } from "../config/config.js";
import { errorBody } from "./routes.js";

type Body = {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
  documentId?: unknown;
};

/**
 * A locked-down deployment runs only the operations its clients were built with: a manifest
 * `{ "<sha256 of the document>": "<document>" }` (what GraphQL Code Generator's client preset
 * writes as persisted-documents.json). A request names one by hash (`documentId`, or APQ's
 * `extensions.persistedQuery.sha256Hash`), or sends a document that is in it; anything else is 400.
 */
export function trustedDocuments(path: string) {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
    if (typeof manifest !== "object" || Object.values(manifest).some((d) => typeof d !== "string"))
      throw new Error("not a map of hashes to documents");
  } catch (error) {
    throw new ConfigError(
      `TRUSTED_DOCUMENTS (${path}) is no manifest of trusted documents: ${(error as Error).message}`,
    );
  }
  const known = new Map(
    Object.entries(manifest).map(([hash, document]) => [hash.replace(/^sha256:/, ""), document]),
  );

  return function onlyTrusted(request: FastifyRequest, reply: FastifyReply, done: () => void) {
    const body = (request.method === "GET" ? fromUrl(request.query) : request.body) as Body | undefined;
    const named = body?.documentId ?? body?.extensions?.persistedQuery?.sha256Hash;
    const hash =
      typeof named === "string"
        ? named.replace(/^sha256:/, "")
        : typeof body?.query === "string"
          ? createHash("sha256").update(body.query).digest("hex")
          : undefined;
    const document = hash === undefined ? undefined : known.get(hash);
    if (document === undefined) {
      void reply
        .code(400)
        .send(errorBody("Only this deployment's trusted operations run here.", "OPERATION_NOT_TRUSTED"));
      return;
    }
    // The trusted text runs, whatever text came with the hash.
    if (request.method === "GET") request.raw.url = withQuery(request.raw.url ?? "/", document);
    else if (body) body.query = document;
    done();
  };
}

/** A GET's parameters, with its `extensions` JSON read (an unreadable one names nothing). */
function fromUrl(query: unknown): Body {
  const params = query as { query?: string; extensions?: string; documentId?: string };
  let extensions: Body["extensions"];
  try {
    extensions = params.extensions ? (JSON.parse(params.extensions) as Body["extensions"]) : undefined;
  } catch {
    extensions = undefined;
  }
  return { query: params.query, documentId: params.documentId, extensions };
}

/** The URL with its `query` parameter set to `document` (Apollo reads a GET from the URL). */
function withQuery(url: string, document: string): string {
  const parsed = new URL(url, "http://gateway");
  parsed.searchParams.set("query", document);
  return parsed.pathname + parsed.search;
}
