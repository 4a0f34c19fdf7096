import { git, GitMissingError } from "./run-git.js";

/**
 * Everything the simulated hosts answer about history and files, read from git itself. Git data
 * never changes once a repository is built (the APIs create empty repositories and never push),
 * so answers are kept per repository and arguments.
 */

export interface Person {
  name: string;
  email: string;
}

export interface Commit {
  id: string;
  parents: string[];
  author: Person & { time: number };
  committer: Person & { time: number };
  message: string;
  changes: FileChange[];
}

export interface FileChange {
  kind: "added" | "modified" | "removed";
  path: string;
}

export interface Ref {
  name: string;
  objectId: string;
  /** For annotated tags: the commit the tag object points at. */
  peeledId?: string;
}

export interface BlameLine {
  lineNumber: number;
  commitId: string;
  author: Person;
  time: number;
  summary: string;
  code: string;
}

export interface TreeEntry {
  path: string;
  name: string;
  type: "blob" | "tree" | "commit";
  objectId: string;
  size: number;
}

export interface LogQuery {
  revision: string;
  path?: string;
  skip?: number;
  limit?: number;
  author?: string;
  since?: string;
  until?: string;
}

const memoLimit = 50_000;
const memo = new Map<string, Promise<unknown>>();

function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const known = memo.get(key);
  if (known) return known as Promise<T>;
  if (memo.size >= memoLimit) memo.delete(memo.keys().next().value!);
  const value = compute();
  memo.set(key, value);
  // A failure is not kept: the next call asks git again.
  value.catch(() => memo.delete(key));
  return value;
}

const text = async (gitDir: string, args: string[]) => (await git(gitDir, args)).toString("utf8");

export function refs(gitDir: string, namespace: "refs/heads" | "refs/tags"): Promise<Ref[]> {
  return remember(`${gitDir}\0refs\0${namespace}`, async () => {
    const out = await text(gitDir, [
      "for-each-ref",
      "--sort=refname",
      "--format=%(refname)%00%(objectname)%00%(*objectname)",
      namespace,
    ]);
    return out
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [name, objectId, peeled] = line.split("\0");
        return { name: name!, objectId: objectId!, ...(peeled ? { peeledId: peeled } : {}) };
      });
  });
}

/** The branch HEAD names, or undefined for an empty repository. */
export function headBranch(gitDir: string): Promise<string | undefined> {
  return remember(`${gitDir}\0head`, async () => {
    const branch = (await text(gitDir, ["symbolic-ref", "--short", "HEAD"])).trim();
    const heads = await refs(gitDir, "refs/heads");
    return heads.some((h) => h.name === `refs/heads/${branch}`) ? branch : undefined;
  });
}

/** Resolves a branch, tag or commit id to a commit id; GitMissingError when it names nothing. */
export function resolveCommit(gitDir: string, revision: string): Promise<string> {
  if (revision.startsWith("-")) return Promise.reject(new GitMissingError(`bad revision ${revision}`));
  return remember(`${gitDir}\0resolve\0${revision}`, async () =>
    (
      await text(gitDir, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`])
    ).trim(),
  ).catch(() => {
    throw new GitMissingError(`unknown revision ${revision}`);
  });
}

const commitFormat = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%cn%x1f%ce%x1f%ct%x1f%B%x1f";

function parseLog(out: string): Commit[] {
  return out
    .split("\x1e")
    .slice(1)
    .map((record) => {
      const [id, parents, an, ae, at, cn, ce, ct, message, tail] = record.split("\x1f");
      const changes: FileChange[] = (tail ?? "")
        .split("\n")
        .filter((line) => line.includes("\t"))
        .map((line) => {
          const [status, path] = line.split("\t");
          const kind = status === "A" ? "added" : status === "D" ? "removed" : "modified";
          return { kind, path: path! };
        });
      return {
        id: id!,
        parents: parents ? parents.split(" ") : [],
        author: { name: an!, email: ae!, time: Number(at) },
        committer: { name: cn!, email: ce!, time: Number(ct) },
        message: message!.replace(/\n+$/, ""),
        changes,
      };
    });
}

function logFilters(query: LogQuery): string[] {
  const args: string[] = [];
  if (query.author) args.push(`--author=${query.author}`, "--regexp-ignore-case", "--fixed-strings");
  if (query.since) args.push(`--since=${query.since}`);
  if (query.until) args.push(`--until=${query.until}`);
  return args;
}

/**
 * Commits reachable from a revision, newest first, with their file changes. Which commits is
 * decided by plain `git log` (the history simplification `rev-list` uses); their details come
 * from a second call, since `--diff-merges` would change that simplification.
 */
export async function log(gitDir: string, query: LogQuery): Promise<Commit[]> {
  const tip = await resolveCommit(gitDir, query.revision);
  const select = [
    "log",
    "--format=%H",
    ...logFilters(query),
    `--skip=${query.skip ?? 0}`,
    ...(query.limit !== undefined ? [`--max-count=${query.limit}`] : []),
    tip,
    "--",
    ...(query.path ? [query.path] : []),
  ];
  return remember(`${gitDir}\0${select.join("\0")}`, async () => {
    const ids = (await text(gitDir, select)).split("\n").filter(Boolean);
    if (ids.length === 0) return [];
    const details = [
      "log",
      "--no-walk=unsorted",
      `--format=${commitFormat}`,
      "--name-status",
      "--no-renames",
      "--diff-merges=first-parent",
      ...ids,
    ];
    return parseLog(await text(gitDir, details));
  });
}

export async function countCommits(gitDir: string, query: LogQuery): Promise<number> {
  const tip = await resolveCommit(gitDir, query.revision);
  const args = ["rev-list", "--count", ...logFilters(query), tip, "--", ...(query.path ? [query.path] : [])];
  return remember(`${gitDir}\0${args.join("\0")}`, async () => Number((await text(gitDir, args)).trim()));
}

export async function commit(gitDir: string, revision: string): Promise<Commit> {
  const id = await resolveCommit(gitDir, revision);
  const [found] = await log(gitDir, { revision: id, limit: 1 });
  return found!;
}

export async function treeId(gitDir: string, revision: string): Promise<string> {
  const id = await resolveCommit(gitDir, revision);
  return remember(`${gitDir}\0tree\0${id}`, async () =>
    (await text(gitDir, ["rev-parse", `${id}^{tree}`])).trim(),
  );
}

export async function blame(gitDir: string, revision: string, path: string): Promise<BlameLine[]> {
  const id = await resolveCommit(gitDir, revision);
  await requireBlob(gitDir, id, path);
  return remember(`${gitDir}\0blame\0${id}\0${path}`, async () =>
    parseBlame(await text(gitDir, ["blame", "--porcelain", id, "--", path])),
  );
}

function parseBlame(out: string): BlameLine[] {
  const lines: BlameLine[] = [];
  const commits = new Map<string, { author: Person; time: number; summary: string }>();
  let current: { id: string; finalLine: number } | undefined;
  let pending: Partial<{ name: string; email: string; time: number; summary: string }> = {};
  for (const line of out.split("\n")) {
    if (line.startsWith("\t")) {
      if (!current) continue;
      const known =
        commits.get(current.id) ??
        ({
          author: { name: pending.name ?? "", email: pending.email ?? "" },
          time: pending.time ?? 0,
          summary: pending.summary ?? "",
        } as const);
      commits.set(current.id, known);
      lines.push({ lineNumber: current.finalLine, commitId: current.id, ...known, code: line.slice(1) });
      current = undefined;
      pending = {};
      continue;
    }
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
    if (header) {
      current = { id: header[1]!, finalLine: Number(header[2]) };
      continue;
    }
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === "author") pending.name = value;
    else if (key === "author-mail") pending.email = value.replace(/^<|>$/g, "");
    else if (key === "author-time") pending.time = Number(value);
    else if (key === "summary") pending.summary = value;
  }
  return lines;
}

/** Entries of a folder (or of all folders below it) at a commit. GitMissingError when it is no folder. */
export async function tree(
  gitDir: string,
  revision: string,
  path: string,
  recursive: boolean,
): Promise<TreeEntry[]> {
  const id = await resolveCommit(gitDir, revision);
  const folder = path.replace(/^\/+|\/+$/g, "");
  return remember(`${gitDir}\0tree\0${id}\0${folder}\0${recursive}`, async () => {
    if (folder && (await objectType(gitDir, id, folder)) !== "tree")
      throw new GitMissingError(`no folder ${folder}`);
    const out = await text(gitDir, [
      "ls-tree",
      "-l",
      "-z",
      ...(recursive ? ["-r", "-t"] : []),
      `${id}:${folder}`,
    ]);
    return out
      .split("\0")
      .filter(Boolean)
      .map((entry) => {
        const tab = entry.indexOf("\t");
        const [, type, objectId, size] = entry.slice(0, tab).split(/ +/);
        const relative = entry.slice(tab + 1);
        return {
          path: folder ? `${folder}/${relative}` : relative,
          name: relative.split("/").pop()!,
          type: type as TreeEntry["type"],
          objectId: objectId!,
          size: size === "-" ? 0 : Number(size),
        };
      });
  });
}

/** "blob", "tree" or undefined when the path is not in that commit. */
export async function objectType(
  gitDir: string,
  commitId: string,
  path: string,
): Promise<string | undefined> {
  const clean = path.replace(/^\/+|\/+$/g, "");
  if (!clean) return "tree";
  return remember(`${gitDir}\0type\0${commitId}\0${clean}`, async () => {
    try {
      return (await text(gitDir, ["cat-file", "-t", `${commitId}:${clean}`])).trim();
    } catch (error) {
      if (error instanceof GitMissingError) return undefined;
      throw error;
    }
  });
}

export async function objectId(gitDir: string, commitId: string, path: string): Promise<string> {
  const clean = path.replace(/^\/+|\/+$/g, "");
  return remember(`${gitDir}\0oid\0${commitId}\0${clean}`, async () =>
    (await text(gitDir, ["rev-parse", `${commitId}:${clean}`])).trim(),
  );
}

async function requireBlob(gitDir: string, commitId: string, path: string): Promise<void> {
  if ((await objectType(gitDir, commitId, path)) !== "blob") throw new GitMissingError(`no file ${path}`);
}

export async function content(gitDir: string, revision: string, path: string): Promise<Buffer> {
  const id = await resolveCommit(gitDir, revision);
  const clean = path.replace(/^\/+/, "");
  await requireBlob(gitDir, id, clean);
  return remember(`${gitDir}\0content\0${id}\0${clean}`, () =>
    git(gitDir, ["cat-file", "blob", `${id}:${clean}`]),
  );
}

/** The changes a commit made against its first parent (all of it for a root commit), as a unified diff. */
export async function diff(gitDir: string, revision: string, path?: string): Promise<string> {
  const id = await resolveCommit(gitDir, revision);
  const args = [
    "show",
    "--format=",
    "--patch",
    "--no-color",
    "--no-renames",
    "--diff-merges=first-parent",
    id,
  ];
  if (path) args.push("--", path.replace(/^\/+/, ""));
  return remember(`${gitDir}\0${args.join("\0")}`, () => text(gitDir, args));
}

/** The newest commit at or before `revision` that touched `path`. */
export async function lastCommitTouching(
  gitDir: string,
  revision: string,
  path: string,
): Promise<Commit | undefined> {
  const [found] = await log(gitDir, { revision, path, limit: 1 });
  return found;
}

export function repositorySize(gitDir: string): Promise<number> {
  return remember(`${gitDir}\0size`, async () => {
    const out = await text(gitDir, ["count-objects", "-v"]);
    const kib = (key: string) => Number(new RegExp(`^${key}: (\\d+)`, "m").exec(out)?.[1] ?? 0);
    return (kib("size") + kib("size-pack")) * 1024;
  });
}

/** Forgets what is known of a repository (after it is deleted or built again). */
export function forget(gitDir: string): void {
  for (const key of memo.keys()) if (key.startsWith(`${gitDir}\0`)) memo.delete(key);
}
