import type { AzureDevOpsLoaders } from "../loaders/azure-devops-loaders.js";
import { isCommitId } from "../upstreams/git.js";

/**
 * The commit a revision names on Azure DevOps: a full commit id, a branch's head, or a tag's
 * (peeled) commit; null when it names none there. Where a branch and a tag share a name the
 * branch wins (git itself would take the tag): branches are the usual meaning and usually
 * already listed.
 */
export async function azureCommitOf(
  loaders: AzureDevOpsLoaders,
  repositoryId: string,
  revision: string,
): Promise<string | null> {
  if (isCommitId(revision)) return revision;
  const head = await loaders.head.load({ id: repositoryId, name: revision });
  if (head) return head.objectId;
  const tag = (await loaders.tags.load(repositoryId))?.find((t) => t.name === `refs/tags/${revision}`);
  return tag ? (tag.peeledObjectId ?? tag.objectId) : null;
}
