import { createLoaders, type ReadLimits } from "../loaders/create-loaders.js";
import type { Clients } from "../upstreams/clients.js";
import { loaderKit, type LoaderKit } from "../loaders/loader-kit.js";
import { BackupPlans } from "./backup-plans.js";
import { Branches } from "./branches.js";
import { Changesets } from "./changesets.js";
import type { JoinRule } from "./clone-urls.js";
import { configured } from "./errors.js";
import { Files } from "./files.js";
import type { HostName } from "./keys.js";
import { Nodes } from "./nodes.js";
import { Organizations } from "./organizations.js";
import { Repositories } from "./repositories.js";
import { AzureDevOpsWrites } from "./writes/azure-devops-writes.js";
import { GitProtectWrites } from "./writes/gitprotect-writes.js";
import { ScmManagerWrites } from "./writes/scm-manager-writes.js";

/** How services read, as the gateway's user chooses. */
export interface ServiceOptions {
  /** How loaders batch; the benchmark injects its naive reference here. */
  loaderKit?: LoaderKit;
}

export interface ServiceSettings {
  /**
   * The request's clients, made when first needed: `reads` may be served from the cache; the
   * reads of `writes` bypass it, so that a read-merge-write starts from the record as it is now.
   */
  clients: () => { reads: Clients; writes: Clients };
  /** Configured host URLs: a clone URL under one of them belongs to that host. */
  hostUrls: Partial<Record<HostName, string>>;
  join: JoinRule;
  options: ServiceOptions;
  limits: ReadLimits;
}

/** One request's providers over one set of loaders; the writes read afresh, through loaders of their own. */
function serviceSet(settings: ServiceSettings) {
  const clients = settings.clients();
  const kit = settings.options.loaderKit ?? loaderKit();
  const loaders = createLoaders(clients.reads, kit, settings.limits);
  const organizations = new Organizations(loaders);
  const backupPlans = new BackupPlans(loaders);
  const repositories = new Repositories(loaders, settings.hostUrls, settings.join);
  const branches = new Branches(loaders);
  const changesets = new Changesets(loaders, branches);
  const nodes = new Nodes(loaders, { organizations, backupPlans, repositories, branches, changesets });
  let writes: ReturnType<typeof createWrites> | undefined;
  return {
    organizations,
    backupPlans,
    repositories,
    branches,
    changesets,
    files: new Files(loaders),
    nodes,
    get writes() {
      return (writes ??= createWrites(clients.writes, kit, settings.limits, repositories));
    },
  };
}

function createWrites(clients: Clients, kit: LoaderKit, limits: ReadLimits, repositories: Repositories) {
  const fresh = createLoaders(clients, kit, limits);
  const { gitprotect, azure, scm } = clients;
  return {
    gitprotect:
      gitprotect && fresh.gitprotect && new GitProtectWrites(gitprotect, fresh.gitprotect, repositories),
    azure: azure && fresh.azure && new AzureDevOpsWrites(azure, fresh.azure),
    scm: scm && fresh.scm && new ScmManagerWrites(scm, fresh.scm),
  };
}

type ServiceSet = ReturnType<typeof serviceSet>;

/**
 * The per-request services, in the manner of operation-scoped providers: made on first use (a
 * query that asks no upstream makes none), and everything they read is kept for the request,
 * until a write renews them so that nothing read before it is served after. Apollo clones the
 * context per operation; this object is shared by the clones, so a renewal reaches them all.
 */
export class Services {
  private made?: ServiceSet;

  constructor(private readonly settings: ServiceSettings) {}

  renew(): void {
    this.made = undefined;
  }

  private get current(): ServiceSet {
    return (this.made ??= serviceSet(this.settings));
  }

  get organizations() {
    return this.current.organizations;
  }
  get backupPlans() {
    return this.current.backupPlans;
  }
  get repositories() {
    return this.current.repositories;
  }
  get branches() {
    return this.current.branches;
  }
  get changesets() {
    return this.current.changesets;
  }
  get files() {
    return this.current.files;
  }
  get nodes() {
    return this.current.nodes;
  }

  /** Writes by upstream, each an error saying so when that upstream is not configured. */
  get writes() {
    const { gitprotect, azure, scm } = this.current.writes;
    return {
      get gitprotect() {
        return configured(gitprotect, "GitProtect");
      },
      get azure() {
        return configured(azure, "Azure DevOps");
      },
      get scm() {
        return configured(scm, "SCM-Manager");
      },
    };
  }
}

/** What a resolver reads of its request: its services (the context holds more, for the server). */
export interface ServicesOf {
  services: Services;
}
