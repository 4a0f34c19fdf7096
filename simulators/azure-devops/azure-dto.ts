import type { components } from "../../src/upstreams/azure-devops/contract.gen.js";
import type { Commit, FileChange } from "../git/git-queries.js";
import { headBranch, repositorySize } from "../git/git-queries.js";
import { azureRemoteUrl, azureSshUrl } from "../world/clone-urls.js";
import type { AzureProject, AzureRepository, World } from "../world/model.js";

type Schemas = components["schemas"];

/** The records Azure DevOps answers, derived from the world and from git. */

export const projectDto = (world: World, project: AzureProject): Schemas["TeamProjectReference"] => ({
  id: project.id,
  name: project.name,
  url: `${world.urls.azureCollection}/_apis/projects/${project.id}`,
  state: "wellFormed",
  revision: project.revision,
  visibility: "private",
});

export async function defaultBranchOf(repo: AzureRepository): Promise<string | undefined> {
  if (repo.defaultBranch) return repo.defaultBranch;
  const head = await headBranch(repo.gitDir);
  return head ? `refs/heads/${head}` : undefined;
}

export async function repositoryDto(world: World, repo: AzureRepository): Promise<Schemas["GitRepository"]> {
  const project = world.azure.projects.get(repo.projectId)!;
  const collection = world.urls.azureCollection;
  const url = `${collection}/_apis/git/repositories/${repo.id}`;
  const remoteUrl = azureRemoteUrl(collection, project, repo);
  const sshUrl = azureSshUrl(collection, project, repo);
  const defaultBranch = await defaultBranchOf(repo);
  const documented = {
    id: repo.id,
    name: repo.name,
    url,
    project: projectDto(world, project),
    ...(defaultBranch ? { defaultBranch } : {}),
    remoteUrl,
  };
  if (repo.sampleFieldsOnly) return documented;
  return {
    ...documented,
    sshUrl,
    webUrl: remoteUrl,
    size: await repositorySize(repo.gitDir),
    isDisabled: false,
    validRemoteUrls: [remoteUrl, sshUrl],
    _links: {
      self: { href: url },
      project: { href: `vstfs:///Classification/TeamProject/${project.id}` },
      web: { href: remoteUrl },
      commits: { href: `${url}/commits` },
      refs: { href: `${url}/refs` },
      items: { href: `${url}/items` },
    },
  };
}

const isoDate = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

export function changeCounts(changes: FileChange[]): Schemas["ChangeCounts"] {
  const count = (kind: FileChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  return { Add: count("added"), Edit: count("modified"), Delete: count("removed") };
}

/** Lists truncate long messages, as the real server does; `getCommit` answers the whole message. */
const commentLimit = 100;

export function commitRefDto(
  world: World,
  repo: AzureRepository,
  commit: Commit,
  truncate: boolean,
): Schemas["GitCommitRef"] {
  const project = world.azure.projects.get(repo.projectId)!;
  const cut = truncate && commit.message.length > commentLimit;
  return {
    commitId: commit.id,
    author: { name: commit.author.name, email: commit.author.email, date: isoDate(commit.author.time) },
    committer: {
      name: commit.committer.name,
      email: commit.committer.email,
      date: isoDate(commit.committer.time),
    },
    comment: cut ? commit.message.slice(0, commentLimit) : commit.message,
    ...(cut ? { commentTruncated: true } : {}),
    changeCounts: changeCounts(commit.changes),
    url: `${world.urls.azureCollection}/_apis/git/repositories/${repo.id}/commits/${commit.id}`,
    remoteUrl: `${azureRemoteUrl(world.urls.azureCollection, project, repo)}/commit/${commit.id}`,
  };
}

export const itemUrl = (world: World, repo: AzureRepository, path: string, commitId: string) =>
  `${world.urls.azureCollection}/_apis/git/repositories/${repo.id}/items?path=${encodeURIComponent(path)}&versionType=Commit&version=${commitId}`;
