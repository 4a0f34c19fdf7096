import { writeFile } from "node:fs/promises";
import { outputs, renderGenerated } from "../codegen.js";

const rendered = await renderGenerated();
for (const key of Object.keys(outputs) as Array<keyof typeof outputs>) {
  await writeFile(outputs[key], rendered[key]);
  console.log(`wrote ${outputs[key].pathname}`);
}
