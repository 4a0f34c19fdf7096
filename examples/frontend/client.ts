import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** A document as the client preset generates it: typed by its result and variables, with its manifest hash. */
export type Operation<TResult, TVariables> = TypedDocumentNode<TResult, TVariables> & {
  __meta__?: { hash?: string };
};

export interface GatewayClient {
  url: string;
  /** An API key, a bearer token, per-user upstream credentials: whatever this deployment asks for. */
  headers?: Record<string, string>;
  /** Send the operation's hash alone: what a gateway running only trusted documents expects. */
  persisted?: boolean;
}

export interface GatewayError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string };
}

/** What the gateway answered: data of the operation's own type, and the errors of the fields that failed. */
export interface Answer<TResult> {
  data: TResult | null;
  errors: GatewayError[];
}

/** Runs one generated operation; its variables and its answer are typed by the document. */
export async function execute<TResult, TVariables>(
  client: GatewayClient,
  operation: Operation<TResult, TVariables>,
  variables: TVariables,
): Promise<Answer<TResult>> {
  const hash = operation.__meta__?.hash;
  const body =
    client.persisted && hash ? { documentId: hash, variables } : { query: print(operation), variables };
  const response = await fetch(client.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...client.headers },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { data?: TResult | null; errors?: GatewayError[] };
  return { data: answer.data ?? null, errors: answer.errors ?? [] };
}
