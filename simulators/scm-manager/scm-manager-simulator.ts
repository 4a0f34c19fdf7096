import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { join } from "node:path";
import type { components } from "../../src/upstreams/scm-manager/contract.gen.js";
import { buildRepository, removeRepository } from "../git/build-repository.js";
import * as git from "../git/git-queries.js";
import { git as runGit, GitMissingError } from "../git/run-git.js";
import { loadContract } from "../http/contract.js";
import { bytes, empty, json, ReplyError } from "../http/reply.js";
import type { Handler, RequestContext, SimulatorDefinition } from "../http/simulator-server.js";
import { compareAsText } from "../http/text-order.js";
import { mapInTurns } from "../http/turns.js";
import type { ScmRepository, ScmUser, World } from "../world/model.js";
import { canRead, isOwner } from "./scm-access.js";
import { changesetDto, repositoryDto } from "./scm-dto.js";

type Schemas = components["schemas"];
type Context = RequestContext<ScmUser | null>;

export const scmManagerContract = loadContract(
  new URL("../../schema/upstreams/scm-manager.openapi.yaml", import.meta.url),
);
const knownTypes = new Set(["git", "hg", "svn"]);
const validName = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const realm = { "www-authenticate": 'Basic realm="SONIA :: SCM Manager"' };

const stop = (status: number): never => {
  throw new ReplyError(empty(status));
};

export function scmManagerSimulator(world: World): SimulatorDefinition<ScmUser | null> {
  const store = world.scm;
  const sessions = new Map<string, string>();

  const visible = (id: string, user: ScmUser) => {
    const repo = store.repositories.get(id);
    return repo && canRead(repo, user) ? repo : stop(404);
  };
  const owned = (id: string, user: ScmUser) => {
    const repo = visible(id, user);
    return isOwner(repo, user) ? repo : stop(403);
  };
  /** A read command on a repository: 404 when missing or hidden, 400 when its type lacks the command. */
  const readable = (context: Context, command?: "branches" | "tags") => {
    const repo = visible(context.params.id!, context.principal!);
    if (command && repo.type === "svn") stop(400);
    return repo;
  };
  const dto = (repo: ScmRepository, user: ScmUser) => repositoryDto(world, repo, isOwner(repo, user));
  const orMissing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof GitMissingError) return stop(404);
      throw error;
    }
  };
  const revisionOf = (query: Record<string, unknown>) => (query.revision as string | undefined) || "HEAD";

  const handlers: Record<string, Handler<ScmUser | null>> = {
    login({ body }) {
      const { username, password } = body as { username: string; password: string };
      const user = store.users.get(username);
      if (!user || user.password !== password) return empty(401);
      if (user.locked) return empty(403);
      const session = randomBytes(16).toString("hex");
      sessions.set(session, user.name);
      return json(
        200,
        {
          success: true,
          user: { name: user.name, displayName: user.displayName, mail: user.mail, admin: user.admin },
          groups: user.groups,
        },
        { "set-cookie": `JSESSIONID=${session}; Path=/scm; HttpOnly` },
      );
    },
    async listRepositories({ principal, query }) {
      const user = principal!;
      const key = ((query.sortby as string | undefined) ?? "name") as keyof ScmRepository;
      const sorted = [...store.repositories.values()]
        .filter((r) => canRead(r, user))
        .sort((a, b) => compareAsText(a[key], b[key]) || a.id.localeCompare(b.id));
      if (query.desc === true) sorted.reverse();
      const start = (query.start as number | undefined) ?? 0;
      const limit = (query.limit as number | undefined) ?? -1;
      const page = sorted.slice(start, limit < 0 ? undefined : start + limit);
      return json(200, await mapInTurns(page, (r) => dto(r, user)));
    },
    async createRepository({ body, principal, origin }) {
      if (!principal!.admin) return empty(403);
      const input = body as Schemas["RepositoryInput"];
      if (!validName.test(input.name) || !knownTypes.has(input.type)) return empty(400);
      if ([...store.repositories.values()].some((r) => r.name === input.name))
        return json(500, {
          message: `repository with name ${input.name} already exists`,
          stacktrace: `sonia.repository.RepositoryAllreadyExistExeption: repository with name ${input.name} already exists\n\tat sonia.repository.AbstractRepositoryHandler.create(AbstractRepositoryHandler.java:87)`,
        });
      const now = Date.now();
      const repo: ScmRepository = {
        id: randomBytes(10).toString("hex"),
        name: input.name,
        type: input.type as ScmRepository["type"],
        contact: input.contact ?? null,
        description: input.description ?? null,
        creationDate: now,
        lastModified: now,
        public: input.public ?? false,
        archived: input.archived ?? false,
        permissions: input.permissions ?? [],
        properties: (input.properties ?? []).map((p) => ({ key: p.key, value: p.value ?? null })),
        healthCheckFailures: [],
        gitDir: "",
      };
      repo.gitDir = join(world.dataDir, `scm-${repo.id}.git`);
      await buildRepository(repo.gitDir);
      store.repositories.set(repo.id, repo);
      return empty(201, { location: `${origin}/scm/api/rest/repositories/${repo.id}` });
    },
    getRepository({ params, principal, headers }) {
      const repo = visible(params.id!, principal!);
      const body = dto(repo, principal!);
      const etag = `"${createHash("sha1").update(JSON.stringify(body)).digest("hex")}"`;
      const modified = repo.lastModified ?? repo.creationDate ?? 0;
      const validators = { etag, "last-modified": new Date(modified).toUTCString() };
      const since = headers["if-modified-since"] ? Date.parse(headers["if-modified-since"]) : NaN;
      if (
        headers["if-none-match"] === etag ||
        (!headers["if-none-match"] && Math.floor(modified / 1000) * 1000 <= since)
      )
        return empty(304, validators);
      return json(200, body, validators);
    },
    getRepositoryByTypeAndName({ params, principal }) {
      const repo = [...store.repositories.values()].find(
        (r) => r.type === params.type && r.name === params.name,
      );
      if (!repo || !canRead(repo, principal!)) return empty(404);
      return json(200, dto(repo, principal!));
    },
    modifyRepository({ params, principal, body }) {
      const repo = owned(params.id!, principal!);
      const input = body as Schemas["RepositoryInput"];
      if (input.name !== repo.name || input.type !== repo.type) return empty(400);
      // PUT replaces the record: whatever the body leaves out is gone, as on the real server.
      Object.assign(repo, {
        contact: input.contact ?? null,
        description: input.description ?? null,
        public: input.public ?? false,
        archived: input.archived ?? false,
        permissions: input.permissions ?? [],
        properties: (input.properties ?? []).map((p) => ({ key: p.key, value: p.value ?? null })),
        creationDate: input.creationDate ?? null,
        healthCheckFailures:
          (input.healthCheckFailures as typeof repo.healthCheckFailures | null | undefined) ?? [],
        lastModified: Math.max(Date.now(), (repo.lastModified ?? 0) + 1),
      });
      return empty(204);
    },
    async deleteRepository({ params, principal }) {
      const repo = owned(params.id!, principal!);
      if (store.archiveEnabled && !repo.archived) return empty(412);
      store.repositories.delete(repo.id);
      if (
        ![...store.repositories.values(), ...world.azure.repositories.values()].some(
          (r) => r.gitDir === repo.gitDir,
        )
      )
        await removeRepository(repo.gitDir);
      return empty(204);
    },
    async runHealthCheck({ params, principal }) {
      const repo = owned(params.id!, principal!);
      try {
        await runGit(repo.gitDir, ["fsck", "--no-dangling", "--no-progress"]);
        repo.healthCheckFailures = [];
      } catch (error) {
        repo.healthCheckFailures = [
          {
            id: "AnOdQMQnr2",
            summary: "repository check failed",
            description: String(error).slice(0, 500),
            url: "https://scm-manager.test/healthcheck/AnOdQMQnr2",
          },
        ];
      }
      return empty(200);
    },
    getBlame: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        const lines = await git.blame(repo.gitDir, revisionOf(context.query), context.query.path as string);
        return json(200, {
          total: lines.length,
          blamelines: lines.map((l) => ({
            lineNumber: l.lineNumber,
            revision: l.commitId,
            author: { name: l.author.name, mail: l.author.email },
            when: l.time * 1000,
            description: l.summary,
            code: l.code,
          })),
        });
      }),
    async getBranches(context) {
      const repo = readable(context, "branches");
      const heads = await git.refs(repo.gitDir, "refs/heads");
      return json(200, {
        branch: heads.map((h) => ({ name: h.name.slice("refs/heads/".length), revision: h.objectId })),
      });
    },
    async getTags(context) {
      const repo = readable(context, "tags");
      const tags = await git.refs(repo.gitDir, "refs/tags");
      return json(200, {
        tag: tags.map((t) => ({
          name: t.name.slice("refs/tags/".length),
          revision: t.peeledId ?? t.objectId,
        })),
      });
    },
    browse: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        const { query } = context;
        const revision = await git.resolveCommit(repo.gitDir, revisionOf(query));
        const entries = await git.tree(
          repo.gitDir,
          revision,
          (query.path as string | undefined) ?? "",
          query.recursive === true,
        );
        const files = await Promise.all(
          entries
            .sort(
              (a, b) => Number(b.type === "tree") - Number(a.type === "tree") || a.path.localeCompare(b.path),
            )
            .map(async (e) => {
              const last =
                query.disableLastCommit === true
                  ? undefined
                  : await git.lastCommitTouching(repo.gitDir, revision, e.path);
              return {
                name: e.name,
                path: e.path,
                directory: e.type === "tree",
                length: e.size,
                lastModified: last ? last.author.time * 1000 : null,
                description: last ? last.message.split("\n")[0]! : null,
                subrepository: null,
              };
            }),
        );
        const branch =
          query.revision && !/^[0-9a-f]{40}$/.test(query.revision as string)
            ? (query.revision as string)
            : null;
        return json(200, { revision, branch, tag: null, files });
      }),
    getChangesets: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        const { query } = context;
        const revision = (query.branch as string | undefined)
          ? `refs/heads/${query.branch as string}`
          : revisionOf(query);
        const path = (query.path as string | undefined) || undefined;
        const start = (query.start as number | undefined) ?? 0;
        const limit = (query.limit as number | undefined) ?? 20;
        const [commits, total, heads, tags] = await Promise.all([
          git.log(repo.gitDir, { revision, path, skip: start, limit }),
          git.countCommits(repo.gitDir, { revision, path }),
          git.refs(repo.gitDir, "refs/heads"),
          git.refs(repo.gitDir, "refs/tags"),
        ]);
        return json(200, { total, changesets: commits.map((c) => changesetDto(c, heads, tags)) });
      }),
    getChangeset: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        const [found, heads, tags] = await Promise.all([
          git.commit(repo.gitDir, context.params.revision!),
          git.refs(repo.gitDir, "refs/heads"),
          git.refs(repo.gitDir, "refs/tags"),
        ]);
        return json(200, changesetDto(found, heads, tags));
      }),
    getContent: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        return bytes(
          await git.content(repo.gitDir, revisionOf(context.query), context.query.path as string),
          "application/octet-stream",
        );
      }),
    getDiff: (context) =>
      orMissing(async () => {
        const repo = readable(context);
        const { query } = context;
        return bytes(
          await git.diff(repo.gitDir, query.revision as string, query.path as string | undefined),
          "application/octet-stream",
        );
      }),
  };

  function authenticate(headers: IncomingHttpHeaders): ScmUser {
    const [scheme, value] = (headers.authorization ?? "").split(/\s+/, 2);
    if (scheme?.toLowerCase() === "basic" && value) {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      const user = store.users.get(decoded.slice(0, colon));
      if (user && !user.locked && user.password === decoded.slice(colon + 1)) return user;
      throw new ReplyError(empty(401, realm));
    }
    const session = /(?:^|;\s*)JSESSIONID=([0-9a-f]+)/.exec(headers.cookie ?? "")?.[1];
    const name = session ? sessions.get(session) : undefined;
    const user = name ? store.users.get(name) : undefined;
    if (user && !user.locked) return user;
    throw new ReplyError(empty(401, realm));
  }

  return {
    name: "scm-manager",
    contract: scmManagerContract,
    basePath: `${new URL(world.urls.scmServer).pathname}/api/rest`,
    jsonSuffix: true,
    handlers,
    authenticate: (headers, operation) => (operation.secured ? authenticate(headers) : null),
    principalName: (principal) => principal?.name ?? null,
    parseBody(raw, mediaType) {
      const text = raw.toString("utf8");
      if (mediaType.includes("x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
      return JSON.parse(text) as unknown;
    },
    badRequest: () => empty(400),
    notFound: () => empty(404),
    settings: {
      get: () => ({ archiveEnabled: store.archiveEnabled }),
      set(values) {
        if (values.archiveEnabled !== undefined) {
          if (typeof values.archiveEnabled !== "boolean") throw new Error("archiveEnabled is a boolean");
          store.archiveEnabled = values.archiveEnabled;
        }
      },
    },
  };
}
