import { pickDefaultBranch } from "../src/services/branches.js";
import type { World } from "../simulators/world/model.js";
import { overview, overviewQuery, repositoryPage } from "./scenarios.js";

/**
 * The questions the benchmark asks both the gateway and the peer, each in its own schema, and what
 * each answer says in one shape (`canonical`), so that the two can be checked to carry the same data.
 */
export interface PeerQuestion {
  name: string;
  minimumCalls: number;
  gateway: { query: string; variables?: Record<string, unknown> };
  /** The peer's query; `operation` names it, so that a cold run can miss the peer's answer cache. */
  peer: (operation: string) => { query: string; variables?: Record<string, unknown> };
  canonical: { gateway: (data: unknown) => unknown; peer: (data: unknown) => unknown };
}

interface Branch {
  name: string;
  author: string | null;
  date: string | null;
}
interface Named {
  name: string;
}
/** What the gateway answers for a repository (fields a question did not ask are absent). */
interface GatewayRepository {
  name?: string;
  backup: { name?: string; licenceActive: boolean; plans: Named[] } | null;
  defaultBranch?: Named | null;
  branches?: { nodes: { name: string; head: { author: Named | null; date: string } | null }[] } | null;
}
interface GatewayOrganizations {
  organizations: { nodes: { name: string; repositories: { nodes: GatewayRepository[] } }[] };
}
/** What the peer answers for a GitProtect record and its hosted repository. */
interface PeerRepository extends Named {
  isLicenceActive: boolean;
  plans: Named[];
  azure?: {
    name: string;
    defaultBranch: string | null;
    branches: { name: string; commit: { author: { name: string; date: string } } | null }[];
  } | null;
  scm?: {
    name: string;
    branches: { name: string; changeset: { date: number | string; author: Named } | null }[];
  } | null;
}
interface PeerOrganizations {
  GP_getOrganizations: { result: { name: string; repositories: PeerRepository[] }[] };
}

const byName = (a: Named, b: Named) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const names = (items: Named[] | undefined) => (items ?? []).map((p) => p.name).sort();
const isoFromEpoch = (ms: number | string | undefined) =>
  ms == null ? null : new Date(Number(ms)).toISOString();
const withoutRefsHeads = (name: string) => name.replace(/^refs\/heads\//, "");
/** SCM-Manager 1.x names no default branch: the gateway's rule, applied to the peer's branches. */
const scmDefault = pickDefaultBranch;

const peerOrganizations = (operation: string, organizations: number, repositoryFields: string) => `
  query ${operation} { GP_getOrganizations(input: { limit: ${organizations}, orderby: "name" }) {
    ... on GP_OrganizationPage { result { name repositories(first: 50) { ${repositoryFields} } } } } }`;

const gatewayRepositories = (data: unknown, repository: (r: GatewayRepository) => unknown) =>
  (data as GatewayOrganizations).organizations.nodes.map((o) => ({
    name: o.name,
    repositories: o.repositories.nodes.map(repository),
  }));
const peerRepositories = (data: unknown, repository: (r: PeerRepository) => unknown) =>
  (data as PeerOrganizations).GP_getOrganizations.result.map((o) => ({
    name: o.name,
    repositories: o.repositories.map(repository),
  }));

/** The overview: every field of the most asked question, the same data from both. */
export function overviewQuestion(world: World, organizations = 20): PeerQuestion {
  return {
    name: "overview",
    minimumCalls: overview(world, organizations).minimumCalls,
    gateway: { query: overviewQuery(organizations) },
    peer: (operation) => ({
      query: peerOrganizations(
        operation,
        organizations,
        `name isLicenceActive plans { name }
        azure { name defaultBranch branches { name commit { ... on AZ_GitCommit { author { name date } } } } }
        scm { name branches { name changeset { date author { name } } } }`,
      ),
    }),
    canonical: {
      gateway: (data) =>
        gatewayRepositories(data, (r) => ({
          name: r.name,
          licenceActive: r.backup?.licenceActive ?? null,
          plans: names(r.backup?.plans),
          defaultBranch: r.defaultBranch?.name ?? null,
          branches: (r.branches?.nodes ?? [])
            .map((b): Branch => ({
              name: b.name,
              author: b.head?.author?.name ?? null,
              date: b.head?.date ?? null,
            }))
            .sort(byName),
        })),
      peer: (data) =>
        peerRepositories(data, (r) => {
          const branches = peerBranches(r);
          const defaultBranch = r.azure
            ? r.azure.defaultBranch && withoutRefsHeads(r.azure.defaultBranch)
            : r.scm
              ? scmDefault(branches.map((b) => b.name))
              : null;
          return {
            // One node per repository: a hosted repository goes by its host's name.
            name: r.azure?.name ?? r.scm?.name ?? r.name,
            licenceActive: r.isLicenceActive,
            plans: names(r.plans),
            defaultBranch,
            branches: branches.sort(byName),
          };
        }),
    },
  };
}

function peerBranches(r: PeerRepository): Branch[] {
  if (r.azure)
    return r.azure.branches.map((b) => ({
      name: withoutRefsHeads(b.name),
      author: b.commit?.author.name ?? null,
      date: b.commit?.author.date ?? null,
    }));
  return (r.scm?.branches ?? []).map((b) => ({
    name: b.name,
    author: b.changeset?.author.name ?? null,
    date: isoFromEpoch(b.changeset?.date),
  }));
}

/** The first organization's first 50 repositories with their backup: GitProtect alone holds the data. */
export function backupQuestion(): PeerQuestion {
  return {
    name: "50 repositories + backup",
    minimumCalls: 2,
    gateway: {
      query: `{ organizations(first: 1) { nodes { name repositories(first: 50) { nodes {
        backup { name licenceActive plans { name } } } } } } }`,
    },
    peer: (operation) => ({ query: peerOrganizations(operation, 1, "name isLicenceActive plans { name }") }),
    canonical: {
      gateway: (data) =>
        gatewayRepositories(data, (r) => ({
          name: r.backup?.name ?? null,
          licenceActive: r.backup?.licenceActive ?? null,
          plans: names(r.backup?.plans),
        })),
      peer: (data) =>
        peerRepositories(data, (r) => ({
          name: r.name,
          licenceActive: r.isLicenceActive,
          plans: names(r.plans),
        })),
    },
  };
}

interface GatewayRepositoryPage {
  repository: {
    name: string;
    defaultBranch: Named | null;
    branches: { nodes: Named[] };
    changesets: {
      nodes: { revision: string; message: string; date: string; author: { name: string; email: string } }[];
    };
    blame: { lineNumber: number; revision: string; author: Named }[];
  };
}
interface PeerRepositoryPage {
  SCM_getRepository: Named;
  SCM_getBranches: { branch: Named[] };
  SCM_getChangesets: {
    changesets: {
      id: string;
      description: string;
      date: number | string;
      author: { name: string; mail: string };
    }[];
  };
  SCM_getBlame: { blamelines: { lineNumber: number; revision: string; author: Named }[] };
}

/** A repository page on SCM-Manager: branches, the last 20 changesets, one blame. */
export function repositoryPageQuestion(world: World): PeerQuestion {
  const repo = [...world.scm.repositories.values()].find((r) => r.type === "git")!;
  const scenario = repositoryPage(world);
  return {
    name: "repository page",
    minimumCalls: scenario.minimumCalls,
    gateway: { query: scenario.query, variables: scenario.variables?.(0) },
    peer: (operation) => ({
      query: `query ${operation}($id: NonEmptyString!) {
        SCM_getRepository(id: $id) { name }
        SCM_getBranches(id: $id) { branch { name } }
        SCM_getChangesets(id: $id, limit: 20) { changesets { id description date author { name mail } } }
        SCM_getBlame(id: $id, path: "src/util.ts") { blamelines { lineNumber revision author { name } } } }`,
      variables: { id: repo.id },
    }),
    canonical: {
      gateway: (data) => {
        const r = (data as GatewayRepositoryPage).repository;
        return {
          name: r.name,
          defaultBranch: r.defaultBranch?.name ?? null,
          branches: names(r.branches.nodes),
          changesets: r.changesets.nodes.map((c) => [
            c.revision,
            c.message,
            c.date,
            c.author.name,
            c.author.email,
          ]),
          blame: r.blame.map((l) => [l.lineNumber, l.revision, l.author.name]),
        };
      },
      peer: (data) => {
        const d = data as PeerRepositoryPage;
        return {
          name: d.SCM_getRepository.name,
          defaultBranch: scmDefault(d.SCM_getBranches.branch.map((b) => b.name)),
          branches: names(d.SCM_getBranches.branch),
          changesets: d.SCM_getChangesets.changesets.map((c) => [
            c.id,
            c.description,
            isoFromEpoch(c.date),
            c.author.name,
            c.author.mail,
          ]),
          blame: d.SCM_getBlame.blamelines.map((l) => [l.lineNumber, l.revision, l.author.name]),
        };
      },
    },
  };
}
