import type { AzureDevOpsClient } from "../upstreams/azure-devops/client.js";
import type { GitProtectClient } from "../upstreams/gitprotect/client.js";
import type { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import { azureDevOpsLoaders } from "./azure-devops-loaders.js";
import { gitprotectLoaders } from "./gitprotect-loaders.js";
import { loaderKit, type LoaderKit } from "./loader-kit.js";
import { hostedHistory } from "./hosted-history.js";
import { repositoryIndex } from "./repository-index.js";
import { scmManagerLoaders } from "./scm-manager-loaders.js";

export interface Clients {
  gitprotect?: GitProtectClient;
  azure?: AzureDevOpsClient;
  scm?: ScmManagerClient;
}

/** The only place DataLoaders are made: once per request, so nothing cached here outlives it. */
export function createLoaders(
  clients: Clients,
  hostUrls: { azure?: string; scm?: string },
  kit: LoaderKit = loaderKit(),
) {
  const gitprotect = clients.gitprotect && gitprotectLoaders(clients.gitprotect, kit);
  const azure = clients.azure && azureDevOpsLoaders(clients.azure, kit);
  const scm = clients.scm && scmManagerLoaders(clients.scm, kit);
  return {
    gitprotect,
    azure,
    scm,
    index: repositoryIndex({ gitprotect, azure, scm, hostUrls, kit }),
    history: hostedHistory({ azure, scm }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
