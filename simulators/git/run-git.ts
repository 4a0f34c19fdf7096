import { execFile, spawn } from "node:child_process";

/** Thrown when git itself refuses (unknown revision, missing path): the simulators answer 404. */
export class GitMissingError extends Error {}

const maxConcurrent = 8;
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  LC_ALL: "C",
  TZ: "UTC",
};

/** Runs git against a bare repository; resolves stdout as bytes. */
export function git(gitDir: string, args: string[]): Promise<Buffer> {
  return slot(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        execFile(
          "git",
          ["--git-dir", gitDir, "-c", "core.quotepath=false", ...args],
          { env: gitEnv, encoding: "buffer", maxBuffer: 256 * 1024 * 1024 },
          (error, stdout, stderr) => {
            if (!error) return resolve(stdout);
            const message = stderr.toString("utf8").trim();
            if (
              /unknown revision|bad revision|not a valid object|does not exist|Not a valid object name|no such path|invalid object name|bad object|fatal: path|exists on disk, but not in|Needed a single revision|ambiguous argument/i.test(
                message,
              )
            )
              return reject(new GitMissingError(message));
            reject(new Error(`git ${args.join(" ")} failed: ${message}`));
          },
        );
      }),
  );
}

/** Feeds `input` to a git command's standard input (fast-import). */
export function gitWithInput(gitDir: string, args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["--git-dir", gitDir, ...args], {
      env: gitEnv,
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    // fast-import may stop reading early on bad input; its exit code and stderr tell why.
    child.stdin.on("error", () => undefined);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`git ${args[0]} failed (${code}): ${stderr}`)),
    );
    child.stdin.end(input);
  });
}

export function gitInit(gitDir: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(
      "git",
      ["init", "--bare", "--quiet", "--initial-branch=main", gitDir],
      { env: gitEnv },
      (error) => {
        if (error) reject(new Error(`git init failed: ${error.message}`));
        else resolve();
      },
    ),
  );
}
