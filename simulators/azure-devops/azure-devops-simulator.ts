import type { IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import type { components } from "../../src/upstreams/azure-devops/contract.gen.js";
import { buildRepository, removeRepository } from "../git/build-repository.js";
import * as git from "../git/git-queries.js";
import { GitMissingError } from "../git/run-git.js";
import { loadContract } from "../http/contract.js";
import { bytes, empty, json, ReplyError } from "../http/reply.js";
import type { Handler, RequestContext, SimulatorDefinition } from "../http/simulator-server.js";
import { mapInTurns } from "../http/turns.js";
import type { AzureRepository, World } from "../world/model.js";
import {
  azureError,
  azureFail,
  projectNotFound,
  repositoryNotFound,
  versionNotFound,
} from "./azure-errors.js";
import {
  changeCounts,
  commitRefDto,
  defaultBranchOf,
  itemUrl,
  projectDto,
  repositoryDto,
} from "./azure-dto.js";
import { gitArea, locationArea } from "./locations.js";

const fullCommitId = /^[0-9a-f]{40}$/i;
/**
 * The server's order of names, case and accents aside. The simulator's own, not the gateway's: a
 * gateway that sorted differently must be seen to. One collator (`localeCompare` with options
 * builds one per call, 45 ms a listing of a thousand).
 */
const compareNames = new Intl.Collator("en", { sensitivity: "base" }).compare;

type Schemas = components["schemas"];
type Principal = { user: string } | null;
type Context = RequestContext<Principal>;

export const azureDevOpsContract = loadContract(
  new URL("../../schema/upstreams/azure-devops.openapi.yaml", import.meta.url),
  {
    caseInsensitivePaths: true,
  },
);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalidName = /[\\/:*?"<>|;#${},+=[\]]|\p{Cc}|^[._]|\.$/u;
const newestVersion = 7.1;

export function azureDevOpsSimulator(world: World): SimulatorDefinition<Principal> {
  const store = world.azure;

  const project = (nameOrId: string) =>
    (guid.test(nameOrId) ? store.projects.get(nameOrId.toLowerCase()) : undefined) ??
    [...store.projects.values()].find((p) => p.name.toLowerCase() === nameOrId.toLowerCase()) ??
    projectNotFound(nameOrId);

  /** By id anywhere in the collection; by name only within a project, as the server resolves them. */
  const repository = (idOrName: string, projectName?: string): AzureRepository => {
    if (guid.test(idOrName)) {
      const repo = store.repositories.get(idOrName.toLowerCase());
      if (repo && (!projectName || repo.projectId === project(projectName).id)) return repo;
      return repositoryNotFound(idOrName);
    }
    if (!projectName) return repositoryNotFound(idOrName);
    const projectId = project(projectName).id;
    return (
      [...store.repositories.values()].find(
        (r) => r.projectId === projectId && r.name.toLowerCase() === idOrName.toLowerCase(),
      ) ?? repositoryNotFound(idOrName)
    );
  };

  const list = async (repos: AzureRepository[]) => {
    const sorted = [...repos].sort((a, b) => compareNames(a.name, b.name));
    const value = await mapInTurns(sorted, (r) => repositoryDto(world, r));
    return json(200, { count: value.length, value });
  };

  const validateName = (name: string, projectId: string, except?: string) => {
    if (invalidName.test(name))
      azureFail(
        400,
        `TF401025: '${name}' is not a valid name for a Git repository.`,
        "InvalidArgumentValueException",
      );
    const taken = [...store.repositories.values()].some(
      (r) => r.projectId === projectId && r.id !== except && r.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken)
      azureFail(
        409,
        `TF400948: A Git repository with the name ${name} already exists.`,
        "GitRepositoryNameAlreadyExistsException",
      );
  };

  const create = async ({ body, params }: Context) => {
    const input = body as Schemas["RepositoryCreateOptions"];
    const target = project(params.project ?? input.project?.id ?? input.project?.name ?? "");
    validateName(input.name, target.id);
    const repo: AzureRepository = {
      id: world.random.uuid(),
      name: input.name,
      projectId: target.id,
      gitDir: "",
    };
    repo.gitDir = join(world.dataDir, `azure-${repo.id}.git`);
    await buildRepository(repo.gitDir);
    store.repositories.set(repo.id, repo);
    return json(201, await repositoryDto(world, repo));
  };

  /** The commit a version descriptor names; the repository's default branch when none is given. */
  const versionCommit = async (repo: AzureRepository, version?: string, versionType?: string) => {
    const branch = (await defaultBranchOf(repo))?.replace(/^refs\/heads\//, "");
    const name = version ?? branch;
    const type = (versionType ?? "branch").toLowerCase();
    const label = `${type === "commit" ? "Commit" : type === "tag" ? "Tag" : "Branch"}: ${name ?? "(default)"}`;
    // The API names commits by full id only: an abbreviation is no version (as a branch name is none).
    if (!name || (type === "commit" && !fullCommitId.test(name))) return versionNotFound(label);
    const revision = type === "commit" ? name : type === "tag" ? `refs/tags/${name}` : `refs/heads/${name}`;
    try {
      return await git.resolveCommit(repo.gitDir, revision);
    } catch (error) {
      if (error instanceof GitMissingError) return versionNotFound(label);
      throw error;
    }
  };

  const handlers: Record<string, Handler<Principal>> = {
    locationAreaLocations: () => json(200, { count: locationArea.length, value: locationArea }),
    gitAreaLocations: () => json(200, { count: gitArea.length, value: gitArea }),
    listResourceAreas: () => json(200, { count: 0, value: null }),
    listRepositories: () => list([...store.repositories.values()]),
    listProjects({ query }) {
      const top = typeof query.$top === "number" ? query.$top : 100;
      const skip = typeof query.$skip === "number" ? query.$skip : 0;
      const value = [...world.azure.projects.values()]
        .sort((a, b) => compareNames(a.name, b.name))
        .slice(skip, skip + top)
        .map((p) => projectDto(world, p));
      return json(200, { count: value.length, value });
    },
    listProjectRepositories: ({ params }) => {
      const target = project(params.project!);
      return list([...store.repositories.values()].filter((r) => r.projectId === target.id));
    },
    createRepository: create,
    createProjectRepository: create,
    getRepository: async ({ params }) =>
      json(200, await repositoryDto(world, repository(params.repositoryId!))),
    getProjectRepository: async ({ params }) =>
      json(200, await repositoryDto(world, repository(params.repositoryId!, params.project))),
    async updateRepository({ params, body }) {
      const repo = repository(params.repositoryId!);
      const input = body as Schemas["RepositoryUpdate"];
      if (input.name !== undefined) validateName(input.name, repo.projectId, repo.id);
      if (input.defaultBranch !== undefined) {
        const heads = await git.refs(repo.gitDir, "refs/heads");
        if (!heads.some((h) => h.name === input.defaultBranch))
          azureFail(
            400,
            `TF401398: The branch ${input.defaultBranch} does not exist.`,
            "GitRefNotFoundException",
          );
        repo.defaultBranch = input.defaultBranch;
      }
      if (input.name !== undefined) repo.name = input.name;
      return json(200, await repositoryDto(world, repo));
    },
    async deleteRepository({ params }) {
      const repo = repository(params.repositoryId!);
      store.repositories.delete(repo.id);
      // Shared histories stay on disk for the other repositories built from them.
      if (![...store.repositories.values()].some((r) => r.gitDir === repo.gitDir))
        await removeRepository(repo.gitDir);
      return empty(204);
    },
    getCollectionRepositoryInfo: ({ params }) => vstsInfo(params.repositoryName!, params.repositoryName!),
    getRepositoryInfo: ({ params }) => vstsInfo(params.project!, params.repositoryName!),
    async listRefs({ params, query }) {
      const repo = repository(params.repositoryId!);
      const filter = typeof query.filter === "string" ? `refs/${query.filter}` : "refs/";
      const contains =
        typeof query.filterContains === "string" ? query.filterContains.toLowerCase() : undefined;
      const all = [
        ...(await git.refs(repo.gitDir, "refs/heads")),
        ...(await git.refs(repo.gitDir, "refs/tags")),
      ]
        .filter((r) => r.name.startsWith(filter) && (!contains || r.name.toLowerCase().includes(contains)))
        .sort((a, b) => a.name.localeCompare(b.name));
      const after = typeof query.continuationToken === "string" ? query.continuationToken : undefined;
      const start = after ? all.findIndex((r) => r.name > after) : 0;
      const top = typeof query.$top === "number" ? query.$top : all.length;
      const page = start < 0 ? [] : all.slice(start, start + top);
      const more = start >= 0 && start + top < all.length;
      const value = page.map((r) => ({
        name: r.name,
        objectId: r.objectId,
        ...(query.peelTags === true && r.peeledId ? { peeledObjectId: r.peeledId } : {}),
        creator: { displayName: "Demo User", uniqueName: "demo@contoso.test", id: world.azure.collection.id },
        url: `${world.urls.azureCollection}/_apis/git/repositories/${repo.id}/refs?filter=${encodeURIComponent(r.name.slice(5))}`,
      }));
      return json(
        200,
        { count: value.length, value },
        more ? { "x-ms-continuationtoken": page.at(-1)!.name } : {},
      );
    },
    async listCommits({ params, query }) {
      const repo = repository(params.repositoryId!);
      const tip = await versionCommit(
        repo,
        query["searchCriteria.itemVersion.version"] as string | undefined,
        query["searchCriteria.itemVersion.versionType"] as string | undefined,
      );
      const top = (query["searchCriteria.$top"] ?? query.$top ?? 100) as number;
      const skip = (query["searchCriteria.$skip"] ?? query.$skip ?? 0) as number;
      const path = (query["searchCriteria.itemPath"] as string | undefined)?.replace(/^\/+/, "") || undefined;
      const commits = await git.log(repo.gitDir, {
        revision: tip,
        path,
        skip,
        limit: top,
        author: query["searchCriteria.author"] as string | undefined,
        since: query["searchCriteria.fromDate"] as string | undefined,
        until: query["searchCriteria.toDate"] as string | undefined,
      });
      const value = commits.map((c) => commitRefDto(world, repo, c, true));
      return json(200, { count: value.length, value });
    },
    async getCommit({ params }) {
      const repo = repository(params.repositoryId!);
      const found = await commitOr404(repo, params.commitId!);
      return json(200, {
        ...commitRefDto(world, repo, found, false),
        parents: found.parents,
        treeId: await git.treeId(repo.gitDir, found.id),
      });
    },
    async getCommitChanges({ params, query }) {
      const repo = repository(params.repositoryId!);
      const found = await commitOr404(repo, params.commitId!);
      const skip = (query.skip as number | undefined) ?? 0;
      const top = (query.top as number | undefined) ?? found.changes.length;
      const changes = await Promise.all(
        found.changes.slice(skip, skip + top).map(async (change) => {
          const at = change.kind === "removed" ? found.parents[0]! : found.id;
          return {
            changeType: change.kind === "added" ? "add" : change.kind === "removed" ? "delete" : "edit",
            item: {
              objectId: await git.objectId(repo.gitDir, at, change.path),
              gitObjectType: "blob",
              commitId: found.id,
              path: `/${change.path}`,
              url: itemUrl(world, repo, `/${change.path}`, found.id),
            },
          };
        }),
      );
      return json(200, { changeCounts: changeCounts(found.changes), changes });
    },
    async getItems({ params, query, headers }) {
      const repo = repository(params.repositoryId!);
      const commitId = await versionCommit(
        repo,
        query["versionDescriptor.version"] as string | undefined,
        query["versionDescriptor.versionType"] as string | undefined,
      );
      const target = ((query.scopePath ?? query.path ?? "/") as string).replace(/^\/+|\/+$/g, "");
      const type = await git.objectType(repo.gitDir, commitId, target);
      if (!type)
        azureFail(
          404,
          `TF401174: The item '/${target}' could not be found in the repository.`,
          "GitItemNotFoundException",
        );
      const item = async (path: string, objectType: string, size?: number) => ({
        objectId: await git.objectId(repo.gitDir, commitId, path),
        gitObjectType: objectType as "blob" | "tree",
        commitId,
        path: `/${path}`,
        ...(objectType === "tree" ? { isFolder: true } : { size }),
        url: itemUrl(world, repo, `/${path}`, commitId),
      });
      if (type === "tree") {
        const level = typeof query.recursionLevel === "string" ? query.recursionLevel.toLowerCase() : "none";
        const entries =
          level === "none" ? [] : await git.tree(repo.gitDir, commitId, target, level === "full");
        const value = [
          await item(target, "tree"),
          ...(await Promise.all(entries.map((e) => item(e.path, e.type, e.size)))),
        ];
        return json(200, { count: value.length, value });
      }
      const accept = headers.accept ?? "";
      const wantsJson =
        query.$format === "json" ||
        (accept.includes("application/json") && !/octet-stream|text\/plain/.test(accept));
      const content = await git.content(repo.gitDir, commitId, target);
      if (wantsJson)
        return json(200, {
          ...(await item(target, "blob", content.length)),
          ...(query.includeContent === true ? { content: content.toString("utf8") } : {}),
        });
      return bytes(
        content,
        accept.includes("text/plain") ? "text/plain; charset=utf-8" : "application/octet-stream",
      );
    },
  };

  async function commitOr404(repo: AzureRepository, commitId: string) {
    try {
      if (!fullCommitId.test(commitId)) throw new GitMissingError(commitId);
      return await git.commit(repo.gitDir, commitId);
    } catch (error) {
      if (error instanceof GitMissingError)
        return azureFail(
          404,
          `TF401028: The reference or commit ${commitId} could not be found.`,
          "GitCommitDoesNotExistException",
        );
      throw error;
    }
  }

  function vstsInfo(projectName: string, repositoryName: string) {
    const repo = repository(repositoryName, projectName);
    const owner = store.projects.get(repo.projectId)!;
    const serverUrl = world.urls.azureCollection;
    return (async () =>
      json(200, {
        serverUrl,
        collection: {
          id: store.collection.id,
          name: store.collection.name,
          url: `${serverUrl}/_apis/projectCollections/${store.collection.id}`,
        },
        repository: {
          ...(({ id, name, url, remoteUrl }) => ({ id, name, url, remoteUrl }))(
            await repositoryDto(world, repo),
          ),
          project: { ...projectDto(world, owner), state: 1, visibility: undefined },
        },
      }))();
  }

  return {
    name: "azure-devops",
    contract: azureDevOpsContract,
    basePath: new URL(world.urls.azureCollection).pathname,
    caseInsensitivePaths: true,
    handlers: withApiVersion(handlers),
    authenticate(headers: IncomingHttpHeaders, operation) {
      if (!operation.secured) return null;
      const token = credential(headers.authorization);
      const known = token ? store.tokens.get(token) : undefined;
      if (known?.expired)
        throw new ReplyError({
          status: 203,
          raw: '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/_signin">Sign in to Azure DevOps Server</form></body></html>',
          contentType: "text/html; charset=utf-8",
        });
      if (!known)
        throw new ReplyError({
          ...azureError(
            401,
            "TF400813: The user '' is not authorized to access this resource.",
            "UnauthorizedRequestException",
          ),
          headers: { "www-authenticate": 'Basic realm="Azure DevOps Server"' },
        });
      return { user: known.user };
    },
    principalName: (principal) => principal?.user ?? null,
    badRequest: (errors) => azureError(400, `Invalid argument: ${errors.join("; ")}`, "ArgumentException"),
    notFound: (path) =>
      azureError(404, `The resource ${path} could not be found.`, "ResourceNotFoundException"),
  };
}

/** Basic with any user name and the token as password, or a bearer token. */
function credential(authorization: string | undefined): string | undefined {
  const [scheme, value] = (authorization ?? "").split(/\s+/, 2);
  if (!value) return undefined;
  if (scheme!.toLowerCase() === "bearer") return value;
  if (scheme!.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1) || undefined;
}

/** Calls that carry no api-version: the clone-URL lookup lives outside `_apis`; discovery is an OPTIONS. */
const versionless = new Set([
  "getCollectionRepositoryInfo",
  "getRepositoryInfo",
  "locationAreaLocations",
  "gitAreaLocations",
]);

/**
 * api-version comes in the query or in `Accept: application/json;api-version=X`; every `_apis`
 * call must name one, as on the server, and too new a version is refused.
 */
function withApiVersion(handlers: Record<string, Handler<Principal>>): Record<string, Handler<Principal>> {
  return Object.fromEntries(
    Object.entries(handlers).map(([id, handler]) => [
      id,
      (context: Context) => {
        const fromAccept = /api-version=([0-9.]+(?:-preview(?:\.\d+)?)?)/.exec(
          context.headers.accept ?? "",
        )?.[1];
        const version = (context.query["api-version"] as string | undefined) ?? fromAccept;
        if (!version && !versionless.has(id))
          azureFail(
            400,
            "No api-version was supplied for the request. Version must be supplied either as part of the Accept header (e.g. \"application/json; api-version=1.0\") or as a query parameter (e.g. '?api-version=1.0').",
            "VssVersionNotSpecifiedException",
          );
        if (version && !/^\d+\.\d+(-preview(\.\d+)?)?$/.test(version))
          azureFail(400, `The api-version '${version}' is not valid.`, "VssInvalidApiVersionException");
        if (version && parseFloat(version) > newestVersion)
          azureFail(
            400,
            `The requested REST API version of ${version} is out of range for this server. The latest REST API version this server supports is ${newestVersion}.`,
            "VssVersionOutOfRangeException",
          );
        return handler(context);
      },
    ]),
  );
}
