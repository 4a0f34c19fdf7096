import { mkdir, writeFile } from "node:fs/promises";
import { renderGenerated } from "../codegen.js";

for (const { path, content } of await renderGenerated()) {
  await mkdir(new URL("./", path), { recursive: true });
  await writeFile(path, content);
  console.log(`wrote ${path.pathname}`);
}
