import type { RepositoryHost } from "../generated/resolvers-types.js";
import type { HostName } from "../services/keys.js";

/** The schema's RepositoryHost and the services' host names, in both directions. */
const names: Record<HostName, RepositoryHost> = { azure: "AZURE_DEVOPS", scm: "SCM_MANAGER" };

export const hostEnum = (host: HostName | undefined): RepositoryHost => (host ? names[host] : "OTHER");

export const hostName = (value: RepositoryHost): HostName | "other" =>
  value === "OTHER" ? "other" : value === "AZURE_DEVOPS" ? "azure" : "scm";
