import type { EnvReader } from "./env-reader.js";

export interface GitProtectConfig {
  url: string;
  /** Either a token, or an e-mail and password the gateway signs in with. */
  token?: string;
  email?: string;
  password?: string;
}

export interface AzureDevOpsConfig {
  /** Collection URL, e.g. https://tfs.example.com/DefaultCollection */
  url: string;
  pat?: string;
}

export interface ScmManagerConfig {
  /** Server URL with its context path, e.g. https://scm.example.com/scm */
  url: string;
  username?: string;
  password?: string;
}

/** Each upstream from its variables: optional, but complete and well-formed when given. */
export function upstreamsConfig(read: EnvReader): {
  gitprotect?: GitProtectConfig;
  azure?: AzureDevOpsConfig;
  scm?: ScmManagerConfig;
} {
  const gitprotectUrl = read.url("GITPROTECT_URL");
  read.requireTogether(["GITPROTECT_EMAIL", "GITPROTECT_PASSWORD"]);
  if (read.text("GITPROTECT_TOKEN") && read.text("GITPROTECT_EMAIL"))
    read.problems.push("set either GITPROTECT_TOKEN or GITPROTECT_EMAIL/GITPROTECT_PASSWORD, not both");
  read.orphans("GITPROTECT_URL", ["GITPROTECT_TOKEN", "GITPROTECT_EMAIL", "GITPROTECT_PASSWORD"]);
  const azureUrl = read.url("AZURE_DEVOPS_URL");
  read.orphans("AZURE_DEVOPS_URL", ["AZURE_DEVOPS_PAT"]);
  const scmUrl = read.url("SCM_MANAGER_URL");
  read.requireTogether(["SCM_MANAGER_USERNAME", "SCM_MANAGER_PASSWORD"]);
  read.orphans("SCM_MANAGER_URL", ["SCM_MANAGER_USERNAME", "SCM_MANAGER_PASSWORD"]);
  knownMistakes(read, azureUrl, scmUrl);
  return {
    ...(gitprotectUrl && {
      gitprotect: {
        url: gitprotectUrl,
        token: read.text("GITPROTECT_TOKEN"),
        email: read.text("GITPROTECT_EMAIL"),
        password: read.text("GITPROTECT_PASSWORD"),
      },
    }),
    ...(azureUrl && { azure: { url: azureUrl, pat: read.text("AZURE_DEVOPS_PAT") } }),
    ...(scmUrl && {
      scm: {
        url: scmUrl,
        username: read.text("SCM_MANAGER_USERNAME"),
        password: read.text("SCM_MANAGER_PASSWORD"),
      },
    }),
  };
}

/** Base URLs that name an API path the gateway adds itself: refused at start, not at the first query. */
function knownMistakes(read: EnvReader, azureUrl?: string, scmUrl?: string): void {
  const scmApi = scmUrl && /\/api(\/rest)?(\/.*)?$/.exec(scmUrl);
  if (scmApi)
    read.problems.push(
      `SCM_MANAGER_URL is the server URL with its context path (e.g. https://scm.example.com/scm), without "${scmApi[0]}"`,
    );
  const azureApi = azureUrl && /\/_apis(\/.*)?$/.exec(azureUrl);
  if (azureApi)
    read.problems.push(
      `AZURE_DEVOPS_URL is the collection URL (e.g. https://tfs.example.com/DefaultCollection), without "${azureApi[0]}"`,
    );
}
