import type { AzureDevOpsLoaders } from "../loaders/azure-devops-loaders.js";
import type { AzureVersionType } from "../upstreams/azure-devops/types.js";
import { isCommitId } from "../upstreams/git.js";

export interface AzureRevision {
  /** How Azure DevOps is asked for it, and the name it is asked by. */
  versionType: AzureVersionType;
  name: string;
  /** The commit it names (a tag's peeled commit). */
  commitId: string;
}

/**
 * What a revision names on Azure DevOps: a full commit id, a branch, or a tag (peeled to its
 * commit); null when it names none there. Where a branch and a tag share a name the branch wins
 * (git itself would take the tag): branches are the usual meaning and usually already listed.
 */
export async function azureVersion(
  loaders: AzureDevOpsLoaders,
  repositoryId: string,
  revision: string,
): Promise<AzureRevision | null> {
  if (isCommitId(revision)) return { versionType: "commit", name: revision, commitId: revision };
  const head = await loaders.head.load({ id: repositoryId, name: revision });
  if (head) return { versionType: "branch", name: revision, commitId: head.objectId };
  const tags = await loaders.tags.load(repositoryId);
  const tag = tags?.find((t) => t.name === `refs/tags/${revision}`);
  return tag ? { versionType: "tag", name: revision, commitId: tag.peeledObjectId ?? tag.objectId } : null;
}
