import type { Clients } from "../upstreams/clients.js";
import { azureDevOpsLoaders } from "./azure-devops-loaders.js";
import { gitprotectLoaders } from "./gitprotect-loaders.js";
import type { LoaderKit } from "./loader-kit.js";
import { scmManagerLoaders } from "./scm-manager-loaders.js";

/** How much one listing may read: past it, the listing is refused rather than read. */
export interface ReadLimits {
  /** Pages of a thousand records. */
  maxPages: number;
}

/** The only place DataLoaders are made: once per request, so nothing cached here outlives it. */
export function createLoaders(clients: Clients, kit: LoaderKit, limits: ReadLimits) {
  return {
    gitprotect: clients.gitprotect && gitprotectLoaders(clients.gitprotect, kit, limits.maxPages),
    azure: clients.azure && azureDevOpsLoaders(clients.azure, kit, limits.maxPages),
    scm: clients.scm && scmManagerLoaders(clients.scm, kit),
    kit,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
