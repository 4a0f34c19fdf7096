import type { AzureDevOpsClient } from "./azure-devops/client.js";
import type { GitProtectClient } from "./gitprotect/client.js";
import type { ScmManagerClient } from "./scm-manager/client.js";

/** The configured upstreams' clients, acting for one request. */
export interface Clients {
  gitprotect?: GitProtectClient;
  azure?: AzureDevOpsClient;
  scm?: ScmManagerClient;
}
