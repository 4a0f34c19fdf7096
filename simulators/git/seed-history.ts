import { createRandom, type Random } from "../world/random.js";

/** The shape of one generated history. */
export interface HistoryShape {
  seed: number;
  /** Commits in all, across branches (merges included). */
  commits: number;
  /** Branches, main included. */
  branches: number;
  /** Lines of the largest file (src/engine.ts), the one blame benchmarks read. */
  fileLines: number;
}

export const authors = [
  { name: "Alice Martin", email: "alice@example.test" },
  { name: "Bartosz Nowak", email: "bartosz@example.test" },
  { name: "Carla Díaz", email: "carla@example.test" },
  { name: "Dmitri Ivanov", email: "dmitri@example.test" },
  { name: "Eve O'Neil", email: "eve@example.test" },
  { name: "Farah Khan", email: "farah@example.test" },
] as const;

const branchNames = [
  "develop",
  "release/1.x",
  "feature/login",
  "feature/search",
  "hotfix/crash-on-start",
  "feature/export",
  "release/2.x",
  "feature/notifications",
  "chore/dependencies",
  "feature/dark-mode",
  "experiment/cache",
  "feature/audit-log",
];

/** 2024-01-01T00:00:00Z: histories start here and advance a little over an hour per commit. */
const epoch = 1_704_067_200;

interface State {
  files: Map<string, string[]>;
  mark: number;
}

/**
 * Writes a `git fast-import` stream for a deterministic history: several authors, branches forked
 * from main at different points, some merged back, annotated and lightweight tags, and files
 * edited line by line by many commits so that blame shows many authors.
 */
export function fastImportStream(shape: HistoryShape): string {
  const random = createRandom(shape.seed);
  const out: string[] = [];
  let mark = 0;
  let clock = epoch + random.int(0, 86_400);
  const tick = () => (clock += random.int(600, 7_200));

  const sideBranches = branchNames
    .slice(0, Math.max(0, shape.branches - 1))
    .concat(
      Array.from(
        { length: Math.max(0, shape.branches - 1 - branchNames.length) },
        (_, i) => `topic/t${i + 1}`,
      ),
    );
  const perBranch = sideBranches.length
    ? Math.max(1, Math.min(3, Math.floor(shape.commits / (4 * sideBranches.length))))
    : 0;
  const merged = sideBranches.filter((_, i) => i % 2 === 0);
  const mainCommits = Math.max(2, shape.commits - sideBranches.length * perBranch - merged.length);

  const main: State = { files: initialFiles(random, shape.fileLines), mark: 0 };
  const forkAt = new Map<number, string[]>();
  sideBranches.forEach((name, i) => {
    const at = Math.max(
      1,
      Math.min(mainCommits - 1, Math.floor(((i + 1) / (sideBranches.length + 1)) * mainCommits * 0.85)),
    );
    forkAt.set(at, [...(forkAt.get(at) ?? []), name]);
  });
  const branchTips = new Map<string, State>();
  const mergeAt = new Map<number, string[]>();

  const emitCommit = (
    ref: string,
    state: State,
    parent: number | undefined,
    touched: Map<string, string[] | null>,
    message: string,
    merge?: number,
  ) => {
    const who = random.pick(authors);
    const when = tick();
    mark += 1;
    out.push(`commit ${ref}`, `mark :${mark}`);
    out.push(`author ${who.name} <${who.email}> ${when} +0000`);
    out.push(`committer ${who.name} <${who.email}> ${when} +0000`);
    data(out, message);
    if (parent !== undefined) out.push(`from :${parent}`);
    if (merge !== undefined) out.push(`merge :${merge}`);
    for (const [path, lines] of touched) {
      if (lines === null) {
        out.push(`D ${path}`);
        state.files.delete(path);
      } else {
        out.push(`M 100644 inline ${path}`);
        data(out, lines.join("\n") + "\n");
        state.files.set(path, lines);
      }
    }
    out.push("");
    state.mark = mark;
  };

  emitCommit("refs/heads/main", main, undefined, new Map(main.files), "Initial import");
  let tagNumber = 0;
  for (let i = 1; i < mainCommits; i += 1) {
    const touched = editSome(random, main.files, i);
    emitCommit("refs/heads/main", main, main.mark, touched, commitMessage(random, touched));
    if (i % Math.max(2, Math.floor(mainCommits / 4)) === 0) {
      tagNumber += 1;
      tag(out, `v0.${tagNumber}.0`, main.mark, tagNumber % 2 === 1, tick());
    }
    for (const name of forkAt.get(i) ?? []) {
      const branch: State = { files: new Map(), mark: main.mark };
      const fork = main.mark;
      for (let c = 0; c < perBranch; c += 1) {
        const path = `features/${name.replace(/\//g, "-")}.md`;
        const lines = [...(branch.files.get(path) ?? [`# ${name}`, ""]), `Step ${c + 1} of ${name}.`];
        emitCommit(
          `refs/heads/${name}`,
          branch,
          c === 0 ? fork : branch.mark,
          new Map([[path, lines]]),
          `${name}: step ${c + 1}`,
        );
      }
      branchTips.set(name, branch);
      if (merged.includes(name)) {
        const at = Math.min(mainCommits - 1, i + 2);
        mergeAt.set(at, [...(mergeAt.get(at) ?? []), name]);
      }
    }
    for (const name of mergeAt.get(i) ?? []) {
      const branch = branchTips.get(name)!;
      emitCommit(
        "refs/heads/main",
        main,
        main.mark,
        new Map(branch.files),
        `Merge branch '${name}'`,
        branch.mark,
      );
    }
  }
  return out.join("\n") + "\n";
}

function data(out: string[], body: string): void {
  out.push(`data ${Buffer.byteLength(body)}`, body);
}

function tag(out: string[], name: string, target: number, annotated: boolean, when: number): void {
  if (annotated) {
    out.push(
      `tag ${name}`,
      `from :${target}`,
      `tagger ${authors[0].name} <${authors[0].email}> ${when} +0000`,
    );
    // A tag command takes no blank line after its message, unlike commit and reset.
    data(out, `Release ${name}`);
  } else {
    out.push(`reset refs/tags/${name}`, `from :${target}`, "");
  }
}

function initialFiles(random: Random, fileLines: number): Map<string, string[]> {
  const body = (prefix: string, count: number) =>
    Array.from(
      { length: count },
      (_, i) => `${prefix} line ${i + 1}: ${word(random)} ${word(random)} ${word(random)}`,
    );
  return new Map([
    ["README.md", ["# Demo repository", "", ...body("readme", 8)]],
    ["src/app.ts", body("// app", 30)],
    ["src/util.ts", body("// util", 20)],
    ["src/engine.ts", body("// engine", Math.max(10, fileLines))],
    ["docs/guide.md", body("guide", 15)],
    ["config/settings.json", ["{", '  "name": "demo",', '  "level": 1', "}"]],
  ]);
}

/** Rewrites a few lines in one or two files; now and then adds a file or removes an added one. */
function editSome(random: Random, files: Map<string, string[]>, n: number): Map<string, string[] | null> {
  const touched = new Map<string, string[] | null>();
  const editable = [...files.keys()].filter((p) => !p.startsWith("features/"));
  const count = random.chance(0.3) ? 2 : 1;
  for (let f = 0; f < count; f += 1) {
    const path = random.chance(0.5) ? "src/engine.ts" : random.pick(editable);
    const lines = [...(touched.get(path) ?? files.get(path)!)];
    const edits = random.int(1, Math.max(1, Math.min(6, Math.floor(lines.length / 4))));
    for (let e = 0; e < edits; e += 1) {
      const at = random.int(0, lines.length - 1);
      lines[at] = `${lines[at]!.split(":")[0]}: revised in change ${n} (${word(random)})`;
    }
    if (random.chance(0.2)) lines.push(`added in change ${n}: ${word(random)}`);
    touched.set(path, lines);
  }
  const extra = [...files.keys()].filter((p) => p.startsWith("src/extra-"));
  // Every history adds and removes files now and then (every tenth change at the least).
  if (random.chance(0.06) || n % 10 === 3)
    touched.set(`src/extra-${n}.ts`, [`// extra module ${n}`, `export const value${n} = ${n};`]);
  else if (extra.length > 0 && (random.chance(0.04) || n % 10 === 7)) touched.set(random.pick(extra), null);
  return touched;
}

function commitMessage(random: Random, touched: Map<string, string[] | null>): string {
  const [first] = touched.keys();
  const verb = random.pick(["Fix", "Improve", "Refactor", "Document", "Tune", "Simplify"]);
  return `${verb} ${first}\n\n${word(random)} ${word(random)} ${word(random)}.`;
}

const words = [
  "alpha",
  "bravo",
  "cache",
  "delta",
  "echo",
  "flow",
  "graph",
  "hash",
  "index",
  "join",
  "key",
  "loop",
  "merge",
  "node",
  "order",
  "parse",
  "queue",
  "route",
  "state",
  "token",
];
const word = (random: Random) => random.pick(words);
