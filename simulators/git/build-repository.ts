import { rm } from "node:fs/promises";
import { gitInit, gitWithInput } from "./run-git.js";
import { forget } from "./git-queries.js";
import { fastImportStream, type HistoryShape } from "./seed-history.js";

/** Builds a bare repository at `gitDir` holding the history `shape` describes (none: empty). */
export async function buildRepository(gitDir: string, shape?: HistoryShape): Promise<void> {
  await rm(gitDir, { recursive: true, force: true });
  forget(gitDir);
  await gitInit(gitDir);
  if (shape)
    await gitWithInput(gitDir, ["fast-import", "--quiet", "--done"], fastImportStream(shape) + "done\n");
}

export async function removeRepository(gitDir: string): Promise<void> {
  forget(gitDir);
  await rm(gitDir, { recursive: true, force: true });
}
