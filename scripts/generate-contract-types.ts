import { writeFile } from "node:fs/promises";
import { contracts, renderContractTypes } from "./contract-types.js";

for (const { document, types } of contracts) {
  await writeFile(types, await renderContractTypes(document));
  console.log(`wrote ${types.pathname}`);
}
