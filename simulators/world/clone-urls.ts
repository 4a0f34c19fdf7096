import type { AzureProject, AzureRepository, ScmRepository, World } from "./model.js";

/** Clone URLs as each host reports them; GitProtect records carry one of their forms. */

export const azureRemoteUrl = (collectionUrl: string, project: AzureProject, repo: AzureRepository) =>
  repo.name === project.name
    ? `${collectionUrl}/_git/${encodeURIComponent(repo.name)}`
    : `${collectionUrl}/${encodeURIComponent(project.name)}/_git/${encodeURIComponent(repo.name)}`;

export const azureSshUrl = (collectionUrl: string, project: AzureProject, repo: AzureRepository) =>
  `${sshBaseOf(collectionUrl)}/${encodeURIComponent(project.name)}/_git/${encodeURIComponent(repo.name)}`;

/** A collection's ssh address, its URL parsed once: a listing names a thousand repositories. */
const sshBases = new Map<string, string>();
function sshBaseOf(collectionUrl: string): string {
  let base = sshBases.get(collectionUrl);
  if (base === undefined) {
    const url = new URL(collectionUrl);
    sshBases.set(collectionUrl, (base = `ssh://${url.hostname}:22${url.pathname}`));
  }
  return base;
}

export const scmCloneUrl = (scmServer: string, repo: Pick<ScmRepository, "type" | "name">) =>
  `${scmServer}/${repo.type}/${repo.name.split("/").map(encodeURIComponent).join("/")}`;

/** The current clone URL of a hosted repository, or undefined when the host no longer has it. */
export function hostedCloneUrl(
  world: World,
  hosted: { host: "azure" | "scm"; id: string },
): string | undefined {
  if (hosted.host === "azure") {
    const repo = world.azure.repositories.get(hosted.id);
    const project = repo && world.azure.projects.get(repo.projectId);
    return repo && project ? azureRemoteUrl(world.urls.azureCollection, project, repo) : undefined;
  }
  const repo = world.scm.repositories.get(hosted.id);
  return repo ? scmCloneUrl(world.urls.scmServer, repo) : undefined;
}

/**
 * The same repository the way different providers and users write it: with credentials, a
 * `.git` suffix, a trailing slash or over ssh. The gateway's join must see through all of them.
 */
export function urlVariant(url: string, index: number, sshUrl?: string): string {
  switch (index % 4) {
    case 1: {
      const parsed = new URL(url);
      parsed.username = "backup-bot";
      return parsed.toString();
    }
    case 2:
      return `${url}.git`;
    case 3:
      return sshUrl ?? `${url}/`;
    default:
      return url;
  }
}
