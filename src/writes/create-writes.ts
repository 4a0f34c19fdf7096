import type { Clients, Loaders } from "../loaders/create-loaders.js";
import { azureDevOpsWrites } from "./azure-devops-writes.js";
import { gitprotectWrites } from "./gitprotect-writes.js";
import { scmManagerWrites } from "./scm-manager-writes.js";

/** The writes of each configured upstream, reading through the same request's loaders. */
export function createWrites(clients: Clients, loaders: Loaders) {
  return {
    gitprotect:
      clients.gitprotect &&
      loaders.gitprotect &&
      gitprotectWrites(clients.gitprotect, loaders.gitprotect, loaders.index),
    azure: clients.azure && loaders.azure && azureDevOpsWrites(clients.azure, loaders.azure),
    scm: clients.scm && loaders.scm && scmManagerWrites(clients.scm, loaders.scm),
  };
}

export type Writes = ReturnType<typeof createWrites>;
