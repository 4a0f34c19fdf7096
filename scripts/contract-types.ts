import { readFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";

/** The three upstream contracts and where their generated TypeScript types live. */
export const contracts = ["gitprotect", "azure-devops", "scm-manager"].map((api) => ({
  api,
  document: new URL(`../schema/upstreams/${api}.openapi.yaml`, import.meta.url),
  types: new URL(`../src/upstreams/${api}/contract.gen.ts`, import.meta.url),
}));

const banner = "// Generated from schema/upstreams by `npm run generate:contracts`. Do not edit.\n\n";

export async function renderContractTypes(document: URL): Promise<string> {
  const ast = await openapiTS(await readFile(document, "utf8"), { exportType: true });
  return banner + astToString(ast);
}
