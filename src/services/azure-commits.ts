import type { AzureDevOpsLoaders } from "../loaders/azure-devops-loaders.js";
import { isAbbreviatedCommitId, isCommitId } from "../upstreams/git.js";
import { ambiguousRevision } from "./errors.js";

/**
 * How far an abbreviated commit id is looked for: Azure DevOps takes full ids only, so the
 * gateway searches the default branch's history itself, newest first, this many commits deep.
 */
export const ABBREVIATION_SEARCH = { pageSize: 1000, pages: 5 };

/**
 * The commit a revision names on Azure DevOps: a full commit id, a branch's head, a tag's
 * (peeled) commit, or a unique abbreviation of a commit id; null when it names none there.
 * Where a branch and a tag share a name the branch wins (git itself would take the tag):
 * branches are the usual meaning and usually already listed.
 */
export async function azureCommitOf(
  loaders: AzureDevOpsLoaders,
  repositoryId: string,
  revision: string,
): Promise<string | null> {
  if (isCommitId(revision)) return revision;
  const head = await loaders.head.load({ id: repositoryId, name: revision });
  if (head) return head.objectId;
  const tags = (await loaders.tags.load(repositoryId)) ?? [];
  const tag = tags.find((t) => t.name === `refs/tags/${revision}`);
  if (tag) return tag.peeledObjectId ?? tag.objectId;
  return isAbbreviatedCommitId(revision) ? expandAbbreviation(loaders, repositoryId, revision) : null;
}

/** The one commit whose id starts with `prefix` among the heads, tags and default-branch history. */
async function expandAbbreviation(
  loaders: AzureDevOpsLoaders,
  repositoryId: string,
  prefix: string,
): Promise<string | null> {
  const wanted = prefix.toLowerCase();
  const found = new Set<string>();
  const consider = (id: string | undefined) => {
    if (id?.toLowerCase().startsWith(wanted)) found.add(id.toLowerCase());
  };
  for (const ref of (await loaders.heads.load(repositoryId)) ?? []) consider(ref.objectId);
  for (const ref of (await loaders.tags.load(repositoryId)) ?? [])
    consider(ref.peeledObjectId ?? ref.objectId);
  const { pageSize, pages } = ABBREVIATION_SEARCH;
  for (let page = 0; page < pages; page++) {
    const criteria = { top: pageSize, skip: page * pageSize };
    const commits = (await loaders.commits.load({ id: repositoryId, criteria }))?.value ?? [];
    commits.forEach((c) => consider(c.commitId));
    if (commits.length < pageSize) break;
  }
  if (found.size > 1) throw ambiguousRevision(prefix);
  return found.values().next().value ?? null;
}
