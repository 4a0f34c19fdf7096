/**
 * The peer's gateway (Hive Gateway over the composed supergraph), configured as a careful user would
 * to answer the benchmark's questions in the fewest calls the APIs allow:
 *
 * - links the three APIs with fields of their own: an organization's repositories, a GitProtect
 *   record's hosted repository on Azure DevOps or SCM-Manager, a repository's branches, a branch's
 *   head commit;
 * - finds hosted repositories by list-and-match: each host's listing is read once per request and
 *   matched by clone URL with the project's join rule (so both gateways answer the same data);
 * - reads each commit once per request and host, from the first repository that names it: a
 *   commit id names the same commit in every repository that has it (forks, shared histories);
 * - caches whole answers per caller (the three credential headers) for 15 s, the shortest time the
 *   gateway keeps what an overview reads (branches).
 *
 * Loaded by Hive Gateway with its own packages (bench/peers/node_modules), so outside the project's
 * type check and lint.
 */
import { createHash } from "node:crypto";
import { defineConfig } from "@graphql-hive/gateway";
import { hostedCloneUrls, normalizeCloneUrl } from "../../src/services/clone-urls.ts";

type Context = Record<string, any>;

/** One promise per request and key: a listing read once, a commit read once per host. */
const perRequest = new WeakMap<Context, Map<string, Promise<any>>>();
function once<T>(context: Context, key: string, load: () => Promise<T>): Promise<T> {
  let memo = perRequest.get(context);
  if (!memo) perRequest.set(context, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key)!;
}

function indexByCloneUrl(repositories: any[], urls: (repository: any) => string[]): Map<string, any> {
  const index = new Map<string, any>();
  for (const repository of repositories)
    for (const url of urls(repository)) {
      const key = normalizeCloneUrl(url);
      if (key) index.set(key, repository);
    }
  return index;
}

const azureListing = (context: Context) =>
  once(context, "azure", async () => {
    const answer = await context.AzureDevOps.Query.AZ_listRepositories({
      context,
      selectionSet: `{ ... on AZ_RepositoryList_response {
        value { id name remoteUrl sshUrl validRemoteUrls defaultBranch project { name } } } }`,
    });
    return indexByCloneUrl(answer?.value ?? [], (dto) => hostedCloneUrls({ host: "azure", dto }));
  });

const scmListing = (context: Context) =>
  once(context, "scm", async () => {
    const list = await context.ScmManager.Query.SCM_listRepositories({
      context,
      args: { limit: -1 },
      selectionSet: "{ id name type url }",
    });
    return indexByCloneUrl(list ?? [], (dto) => [dto.url]);
  });

const hosted = (listing: (context: Context) => Promise<Map<string, any>>) => ({
  selectionSet: "{ url }",
  async resolve(root: any, _args: unknown, context: Context) {
    const key = normalizeCloneUrl(root.url);
    return (key && (await listing(context)).get(key)) ?? null;
  },
});

/** Each element keeps its repository's id, which its own fields need. */
const withRepository = (items: any[] | undefined, repositoryId: string) =>
  (items ?? []).map((item) => Object.assign(item, { repositoryId }));

const credentialHeaders = ["x-gitprotect-token", "x-azure-devops-basic", "x-scm-manager-basic"];

export const gatewayConfig = defineConfig({
  logging: "warn",
  responseCaching: {
    ttl: 15_000,
    // No entity bookkeeping: nothing invalidates through the peer, and an overview's thousand
    // entity keys evicted the answer itself from the default in-memory store.
    idFields: [],
    session: (request: Request) =>
      createHash("sha256")
        .update(credentialHeaders.map((name) => request.headers.get(name) ?? "").join("\n"))
        .digest("hex"),
  },
  additionalTypeDefs: /* GraphQL */ `
    extend type GP_Organization {
      repositories(first: Int = 50): [GP_Repository!]!
    }
    extend type GP_Repository {
      azure: AZ_GitRepository
      scm: SCM_Repository
    }
    extend type AZ_GitRepository {
      branches: [AZ_GitRef!]!
    }
    extend type AZ_GitRef {
      commit: AZ_GitCommit
    }
    extend type SCM_Repository {
      branches: [SCM_NamedRevision!]!
    }
    extend type SCM_NamedRevision {
      changeset: SCM_Changeset
    }
  `,
  additionalResolvers: {
    GP_Organization: {
      repositories: {
        selectionSet: "{ id }",
        async resolve(root: any, args: { first: number }, context: Context) {
          const page = await context.GitProtect.Query.GP_getRepositories({
            context,
            args: { input: { id: root.id, limit: args.first, orderby: "name" } },
            selectionSet:
              "{ ... on GP_RepositoryPage { result { id name url isLicenceActive plans { id name } } } }",
          });
          return page?.result ?? [];
        },
      },
    },
    GP_Repository: { azure: hosted(azureListing), scm: hosted(scmListing) },
    AZ_GitRepository: {
      branches: {
        selectionSet: "{ id }",
        async resolve(root: any, _args: unknown, context: Context) {
          const answer = await context.AzureDevOps.Query.AZ_listRefs({
            context,
            args: { repositoryId: root.id, filter: "heads/" },
            selectionSet: "{ ... on AZ_listRefs_200_response { value { name objectId } } }",
          });
          return withRepository(answer?.value, root.id);
        },
      },
    },
    AZ_GitRef: {
      commit: {
        resolve: (root: any, _args: unknown, context: Context) =>
          once(context, `azure:${root.objectId.toLowerCase()}`, () =>
            context.AzureDevOps.Query.AZ_getCommit({
              context,
              args: { repositoryId: root.repositoryId, commitId: root.objectId },
              selectionSet: "{ ... on AZ_GitCommit { commitId author { name email date } } }",
            }),
          ),
      },
    },
    SCM_Repository: {
      branches: {
        selectionSet: "{ id }",
        async resolve(root: any, _args: unknown, context: Context) {
          const answer = await context.ScmManager.Query.SCM_getBranches({
            context,
            args: { id: root.id },
            selectionSet: "{ branch { name revision } }",
          });
          return withRepository(answer?.branch, root.id);
        },
      },
    },
    SCM_NamedRevision: {
      changeset: {
        resolve: (root: any, _args: unknown, context: Context) =>
          once(context, `scm:${root.revision.toLowerCase()}`, () =>
            context.ScmManager.Query.SCM_getChangeset({
              context,
              args: { id: root.repositoryId, revision: root.revision },
              selectionSet: "{ id date author { name mail } }",
            }),
          ),
      },
    },
  },
});
