import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { azureDevOpsLoaders } from "../../src/loaders/azure-devops-loaders.js";
import { loaderKit } from "../../src/loaders/loader-kit.js";
import { ABBREVIATION_SEARCH, azureCommitOf } from "../../src/services/azure-commits.js";
import type { AzureDevOpsClient, CommitCriteria } from "../../src/upstreams/azure-devops/client.js";

const id = (n: number) => createHash("sha1").update(String(n)).digest("hex");

/** A repository whose default branch has `history` commits, newest first, and one branch and tag. */
function repository(history: string[]) {
  const asked: CommitCriteria[] = [];
  const client = {
    listRefs: (_: string, { filter }: { filter?: string }) =>
      Promise.resolve({
        refs:
          filter === "heads/"
            ? [{ name: "refs/heads/main", objectId: history[0]! }]
            : [{ name: "refs/tags/v1", objectId: id(-1), peeledObjectId: history[1]! }],
      }),
    listCommits: (_: string, criteria: CommitCriteria) => {
      asked.push(criteria);
      const skip = criteria.skip ?? 0;
      const value = history.slice(skip, skip + criteria.top!).map((commitId) => ({ commitId }));
      return Promise.resolve({ count: value.length, value });
    },
  } as unknown as AzureDevOpsClient;
  return { loaders: azureDevOpsLoaders(client, loaderKit(), 1), asked };
}

describe("Azure DevOps revisions", () => {
  const { pageSize, pages } = ABBREVIATION_SEARCH;
  const history = Array.from({ length: pageSize * pages + 10 }, (_, n) => id(n));

  it("a full id is itself, without a call; a branch and a (peeled) tag name their commits", async () => {
    const { loaders, asked } = repository(history);
    expect(await azureCommitOf(loaders, "r", history[5]!)).toBe(history[5]);
    expect(await azureCommitOf(loaders, "r", "main")).toBe(history[0]);
    expect(await azureCommitOf(loaders, "r", "v1")).toBe(history[1]);
    expect(asked).toEqual([]);
  });

  it("a unique abbreviation is found in the history, in any case, searched to its end for another", async () => {
    const { loaders, asked } = repository(history);
    const deep = history[pageSize + 3]!;
    expect(await azureCommitOf(loaders, "r", deep.slice(0, 38).toUpperCase())).toBe(deep);
    expect(asked.map((c) => c.skip)).toEqual(Array.from({ length: pages }, (_, n) => n * pageSize));
  });

  it("an abbreviation shared by two commits is BAD_USER_INPUT; one beyond the search is null", async () => {
    const { loaders } = repository(history);
    const shared = history.map((c) => c.slice(0, 4)).find((p, n, all) => all.indexOf(p) !== n)!;
    await expect(azureCommitOf(loaders, "r", shared)).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
    });
    const beyond = history.at(-1)!;
    expect(await azureCommitOf(loaders, "r", beyond.slice(0, 39))).toBeNull();
    expect(await azureCommitOf(loaders, "r", "abc")).toBeNull();
  });
});
