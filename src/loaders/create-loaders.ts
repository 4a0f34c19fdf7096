import type { Clients } from "../upstreams/clients.js";
import { azureDevOpsLoaders } from "./azure-devops-loaders.js";
import { gitprotectLoaders } from "./gitprotect-loaders.js";
import type { LoaderKit } from "./loader-kit.js";
import { scmManagerLoaders } from "./scm-manager-loaders.js";

/** The only place DataLoaders are made: once per request, so nothing cached here outlives it. */
export function createLoaders(clients: Clients, kit: LoaderKit) {
  return {
    gitprotect: clients.gitprotect && gitprotectLoaders(clients.gitprotect, kit),
    azure: clients.azure && azureDevOpsLoaders(clients.azure, kit),
    scm: clients.scm && scmManagerLoaders(clients.scm, kit),
    kit,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
