import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { organizationDto } from "../../simulators/gitprotect/dto.js";
import { startHarness, type GraphQLAnswer, type Harness } from "../support/gateway.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    // No cache: every fault armed here must meet a real upstream call. The timeout is long
    // enough that a busy machine never times out a healthy call.
    // Faults follow one another here: breakers stay shut (test/gateway/resilience.test.ts tests them).
    env: {
      CACHE: "off",
      UPSTREAM_TIMEOUT_MS: "3000",
      MAX_QUERY_BYTES: "4000",
      MAX_QUERY_DEPTH: "8",
      BREAKER_FAILURES: "1000",
    },
  });
});
afterAll(() => h.close());
afterEach(() => {
  for (const s of [h.sim.gitprotect, h.sim.azureDevOps, h.sim.scmManager]) s.faults.setRules([]);
});

/** Nothing of an upstream's inside reaches a client: no URL, no body, no stack trace. */
function expectNoLeaks(answer: GraphQLAnswer<unknown>) {
  const errors = JSON.stringify(answer.errors ?? []);
  for (const secret of [
    "127.0.0.1",
    "http://",
    "stacktrace",
    "\n    at ",
    "demo-pat",
    "scmadmin",
    "TF401019: The Git",
    "Exception",
  ])
    expect(errors).not.toContain(secret);
}

const twoHosts = `{
  repositories(first: 100) { nodes { name host branches(first: 5) { nodes { name } } } }
}`;

describe("errors", () => {
  it("an upstream 404 is null for that field, without an error", async () => {
    const missing = encodeId({
      type: "Repository",
      host: "azure",
      repositoryId: "00000000-0000-4000-8000-000000000000",
    });
    const answer = await h.query(`query($id: ID!) { repository(id: $id) { name } }`, { id: missing });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ repository: null });
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const file = await h.query(
      `query($id: ID!) { repository(id: $id) { file(path: "no/such/file.txt") { text } changeset(revision: "${"f".repeat(40)}") { message } } }`,
      {
        id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }),
      },
    );
    expect(file.errors).toBeUndefined();
    expect(file.data).toEqual({ repository: { file: null, changeset: null } });
    // A folder is no file, on either host.
    const azure = [...h.sim.world.azure.repositories.values()].find(
      (r) => r.name !== "" && !r.name.startsWith("empty"),
    )!;
    for (const id of [
      encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }),
      encodeId({ type: "Repository", host: "azure", repositoryId: azure.id }),
    ]) {
      const folder = await h.query(`query($id: ID!) { repository(id: $id) { file(path: "src") { text } } }`, {
        id,
      });
      expect(folder.errors).toBeUndefined();
      expect(folder.data).toEqual({ repository: { file: null } });
    }
  });

  it("refused credentials are UNAUTHENTICATED; a refusal of rights is FORBIDDEN", async () => {
    const wrong = await h.query(
      twoHosts,
      {},
      { "x-scm-manager-username": "alice", "x-scm-manager-password": "wrong" },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expectNoLeaks(wrong);
    const expired = await h.query(twoHosts, {}, { "x-azure-devops-pat": "expired-pat" });
    expect(expired.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      upstream: "Azure DevOps",
    });
    const token = await h.query(
      `{ organizations { totalCount } }`,
      {},
      { "x-gitprotect-token": "not.a.token" },
    );
    expect(token.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", upstream: "GitProtect" });
    h.sim.scmManager.faults.addRule({ operation: "getBranches", status: 403 });
    const forbidden = await h.query(
      `{ repositories(first: 100, host: SCM_MANAGER) { nodes { branches { totalCount } } } }`,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("one host down nulls its own fields; the other host's data still arrives", async () => {
    h.sim.scmManager.faults.addRule({ operation: "getBranches", status: 503 });
    const answer = await h.query(twoHosts);
    const nodes = (answer.data as { repositories: { nodes: Array<{ host: string; branches: unknown }> } })
      .repositories.nodes;
    expect(nodes.filter((n) => n.host === "AZURE_DEVOPS").every((n) => n.branches !== null)).toBe(true);
    expect(nodes.filter((n) => n.host === "SCM_MANAGER" && n.branches === null).length).toBeGreaterThan(0);
    expect(answer.errors!.length).toBeGreaterThan(0);
    for (const error of answer.errors!) {
      expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", upstream: "SCM-Manager" });
      expect(error.path?.at(-1)).toBe("branches");
    }
    expectNoLeaks(answer);
  });

  it("a branch's head that cannot be read is null at its own path; the branch and the others still arrive", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const azure = [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
    h.sim.scmManager.faults.addRule({ operation: "getChangeset", status: 503 });
    h.sim.azureDevOps.faults.addRule({ operation: "getCommit", status: 503 });
    const query = `query($scm: ID!, $azure: ID!) {
      scm: repository(id: $scm) { branches(first: 5) { nodes { name head { revision } } } }
      azure: repository(id: $azure) { branches(first: 5) { edges { node { name head { revision } } } } }
    }`;
    const answer = await h.query<Record<string, { branches: Record<string, unknown[]> }>>(query, {
      scm: encodeId({ type: "Repository", host: "scm", repositoryId: scm.id }),
      azure: encodeId({ type: "Repository", host: "azure", repositoryId: azure.id }),
    });
    const scmBranches = answer.data.scm!.branches.nodes as Array<{ name: string; head: unknown }>;
    const azureBranches = answer.data.azure!.branches.edges as Array<{
      node: { name: string; head: unknown };
    }>;
    expect(scmBranches.length).toBeGreaterThan(0);
    expect(azureBranches.length).toBeGreaterThan(0);
    expect(scmBranches.every((b) => b.name && b.head === null)).toBe(true);
    expect(azureBranches.every((e) => e.node.name && e.node.head === null)).toBe(true);
    const paths = answer.errors!.map((e) => e.path!.join("."));
    expect(paths.sort()).toEqual(
      [
        ...scmBranches.map((_, i) => `scm.branches.nodes.${i}.head`),
        ...azureBranches.map((_, i) => `azure.branches.edges.${i}.node.head`),
      ].sort(),
    );
    for (const error of answer.errors!) expect(error.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expectNoLeaks(answer);
  });

  it.each([
    ["the field", "nodes { name head @include(if: $show) { revision } }", ""],
    ["an inline fragment", "nodes { name ... @include(if: $show) { head { revision } } }", ""],
    [
      "a fragment spread",
      "nodes { name ...Head @skip(if: $hide) }",
      "fragment Head on Branch { head { revision } }",
    ],
    ["the page's nodes", "nodes @include(if: $show) { name head { revision } }", ""],
  ])("a head that a directive on %s skips is not read", async (_, selection, fragment) => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const flag = selection.includes("$show") ? "show" : "hide";
    const query = `query($id: ID!, $${flag}: Boolean!) {
      repository(id: $id) { branches(first: 5) { ${selection} } }
    } ${fragment}`;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: scm.id });
    const ask = <T>(shown: boolean) => h.query<T>(query, { id, [flag]: flag === "show" ? shown : !shown });
    const changesetReads = () => h.sim.scmManager.stats.snapshot().counts.getChangeset ?? 0;
    const before = changesetReads();
    const skipped = await ask(false);
    expect(skipped.errors).toBeUndefined();
    expect(changesetReads()).toBe(before);
    const shown = await ask<{ repository: { branches: { nodes: Array<{ head: unknown }> } } }>(true);
    expect(shown.data.repository.branches.nodes.every((b) => b.head !== null)).toBe(true);
    expect(changesetReads()).toBeGreaterThan(before);
  });

  it("a blame line's changeset that cannot be read is null at its own path; every line still arrives", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    h.sim.scmManager.faults.addRule({ operation: "getChangeset", status: 503 });
    const answer = await h.query<{
      repository: { blame: Array<{ lineNumber: number; changeset: unknown }> };
    }>(
      `query($id: ID!) { repository(id: $id) { blame(path: "README.md") { lineNumber changeset { revision } } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: scm.id }) },
    );
    const lines = answer.data.repository.blame;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l, i) => l.lineNumber === i + 1 && l.changeset === null)).toBe(true);
    expect(answer.errors!.map((e) => e.path!.join(".")).sort()).toEqual(
      lines.map((_, i) => `repository.blame.${i}.changeset`).sort(),
    );
    for (const error of answer.errors!) expect(error.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expectNoLeaks(answer);
  });

  it("a blame whose changesets a directive skips reads none of them", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const query = `query($id: ID!, $show: Boolean!) {
      repository(id: $id) { blame(path: "README.md") { lineNumber changeset @include(if: $show) { revision } } }
    }`;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: scm.id });
    const changesetReads = () => h.sim.scmManager.stats.snapshot().counts.getChangeset ?? 0;
    const before = changesetReads();
    const skipped = await h.query(query, { id, show: false });
    expect(skipped.errors).toBeUndefined();
    expect(changesetReads()).toBe(before);
    const shown = await h.query<{ repository: { blame: Array<{ changeset: unknown }> } }>(query, {
      id,
      show: true,
    });
    expect(shown.data.repository.blame.every((l) => l.changeset !== null)).toBe(true);
    expect(changesetReads()).toBeGreaterThan(before);
  });

  it("a repository that could not be read costs no read of its branches' heads", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const counts = () => h.sim.scmManager.stats.snapshot().counts;
    const before = { branches: counts().getBranches ?? 0, heads: counts().getChangeset ?? 0 };
    h.sim.scmManager.faults.addRule({ operation: "getRepository", status: 503 });
    const answer = await h.query(
      `query($id: ID!) { repository(id: $id) { branches(first: 5) { nodes { head { revision } } } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: scm.id }) },
    );
    expect(answer.data).toEqual({ repository: null });
    expect(answer.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    // The branches were read beside the repository; their heads wait for it, so none is read.
    await vi.waitFor(() => expect(counts().getBranches ?? 0).toBeGreaterThan(before.branches), {
      timeout: 5_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counts().getChangeset ?? 0).toBe(before.heads);
  });

  it("ids never change when a host fails: its repositories fail one by one, the rest of each page arrives", async () => {
    const listing = (fields: string) =>
      `{ organizations(first: 100) { nodes { repositories(first: 100) { nodes { ${fields} } } } } }`;
    type Node = { id: string; name: string; backup: { gitprotectId: string } } | null;
    type Pages = { organizations: { nodes: Array<{ repositories: { nodes: Node[] } | null }> } };
    const pagesOf = (answer: GraphQLAnswer<unknown>) =>
      (answer.data as Pages).organizations.nodes.map((o) => o.repositories);
    const fields = "id name backup { gitprotectId }";
    const healthy = pagesOf(await h.query(listing(fields)));
    h.sim.scmManager.faults.addRule({ operation: "listRepositories", status: 503 });
    const degraded = await h.query(listing(fields));
    const pages = pagesOf(degraded);
    // Every page arrives, as long as before; each repository is as it was, or null where SCM-Manager has it.
    expect(pages.map((p) => p?.nodes.length)).toEqual(healthy.map((p) => p?.nodes.length));
    pages.forEach((page, o) =>
      page!.nodes.forEach((node, i) => expect([null, healthy[o]!.nodes[i]]).toContainEqual(node)),
    );
    const failed = pages.flatMap((p) => p!.nodes).filter((n) => n === null).length;
    expect(failed).toBeGreaterThan(0);
    expect(degraded.errors).toHaveLength(failed);
    for (const error of degraded.errors!) {
      expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", upstream: "SCM-Manager" });
      expect(error.path?.slice(-3, -1)).toEqual(["nodes", expect.any(Number)]);
    }
    const backups = await h.query(listing("host backup { gitprotectId }"));
    expect(backups.errors).toBeUndefined();
    const hosts = pagesOf(backups).flatMap((p) => p!.nodes as unknown as Array<{ host: string }>);
    expect(hosts.filter((n) => n.host === "SCM_MANAGER")).toHaveLength(failed);
  });

  it("a host that shows none of its repositories leaves them its own: never OTHER, no made-up hosted fields", async () => {
    const other = `{ repositories(first: 100, host: OTHER) { totalCount } }`;
    const before = (await h.query<{ repositories: { totalCount: number } }>(other)).data.repositories
      .totalCount;
    h.sim.scmManager.faults.addRule({ operation: "listRepositories", status: 200, body: [] });
    const after = await h.query<{ repositories: { totalCount: number } }>(other);
    expect(after.data.repositories.totalCount).toBe(before);
    const organization = [...h.sim.world.gitprotect.organizations.values()].find(
      (o) => o.host.kind === "scm",
    )!;
    type Nodes = {
      organization: {
        repositories: { nodes: Array<{ host: string; cloneUrl: string | null; branches: unknown }> };
      };
    };
    const listed = await h.query<Nodes>(
      `query($id: ID!) { organization(id: $id) { repositories(first: 100) { nodes { host cloneUrl branches { totalCount } } } } }`,
      { id: encodeId({ type: "Organization", organizationId: organization.id }) },
    );
    expect(listed.errors).toBeUndefined();
    for (const node of listed.data.organization.repositories.nodes)
      expect(node).toMatchObject({ host: "SCM_MANAGER", branches: null });
  });

  it("timeouts, connection resets and malformed bodies have stable codes", async () => {
    const probe = `{ organizations(first: 5) { totalCount } repositories(first: 1, host: AZURE_DEVOPS) { totalCount } }`;
    h.sim.gitprotect.faults.addRule({ operation: "getOrganizations", hang: true });
    const hung = await h.query(probe);
    expect(hung.errors?.[0]).toMatchObject({
      path: ["organizations"],
      extensions: { code: "UPSTREAM_UNAVAILABLE" },
    });
    expect((hung.data as { repositories: { totalCount: number } }).repositories.totalCount).toBeGreaterThan(
      0,
    );
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", reset: true }]);
    expect((await h.query(probe)).errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", malformed: true }]);
    const malformed = await h.query(probe);
    expect(malformed.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    h.sim.gitprotect.faults.setRules([
      {
        operation: "getOrganizations",
        status: 500,
        body: { message: "at java.lang.Thread.run http://internal.example/secret" },
      },
    ]);
    const failed = await h.query(probe);
    expect(failed.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    for (const answer of [hung, malformed, failed]) expectNoLeaks(answer);
    expect(JSON.stringify(failed.errors)).not.toContain("internal.example");
  });

  it("retries a read once after a 503, and still answers", async () => {
    h.sim.azureDevOps.faults.addRule({ operation: "listRepositories", status: 503, times: 1 });
    h.resetCalls();
    const answer = await h.query(`{ repositories(first: 1, host: AZURE_DEVOPS) { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    const listings = h.calls().filter((c) => c.operation === "listRepositories" && c.path.includes("_apis"));
    expect(listings.map((c) => c.status)).toEqual([503, 200]);
  });

  it("malformed ids and arguments are BAD_USER_INPUT, before any upstream call", async () => {
    h.resetCalls();
    const planId = encodeId({ type: "BackupPlan", organizationId: "x", planId: "y" });
    const cases = [
      `{ node(id: "garbage") { id } }`,
      `{ repository(id: "${Buffer.from('["Repository","nowhere","x"]').toString("base64url")}") { name } }`,
      `{ repository(id: "${planId}") { name } }`,
      `{ organizations(first: 500) { totalCount } }`,
      `{ repositories(first: 5, after: "%%%") { totalCount } }`,
      `{ nodes(ids: [${Array.from({ length: 101 }, () => `"${planId}"`).join(",")}]) { id } }`,
    ];
    for (const query of cases) {
      const answer = await h.query(query);
      expect(answer.errors?.[0]?.extensions?.code, query.slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    const repo = [...h.sim.world.scm.repositories.values()][0]!;
    const traversal = await h.query(
      `query($id: ID!) { repository(id: $id) { file(path: "../../etc/passwd") { text } } }`,
      {
        id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }),
      },
    );
    expect(traversal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(h.calls().filter((c) => c.operation !== "getRepository")).toEqual([]);
  });

  it("refuses oversized and overly deep queries", async () => {
    const big = await h.query(`{ organizations { totalCount } } # ${"x".repeat(5000)}`);
    expect(big.status).toBe(413);
    expect(big.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_LARGE");
    const deep = await h.query(
      `{ organizations { nodes { repositories { nodes { backup { organization { repositories { nodes { backup { organization { name } } } } } } } } } } }`,
    );
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(deep.errors?.[0]?.message).toMatch(/depth limit of 8 exceeded/);
  });

  it("ids and revisions `.` and `..` are bad input and reach no other resource, reads and writes", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const repo = (host: "azure" | "scm", repositoryId: string) =>
      encodeId({ type: "Repository", host, repositoryId });
    const cases: Array<[string, Record<string, unknown>]> = [
      [
        `mutation($id: ID!) { updateAzureDevOpsRepository(input: { repositoryId: $id, name: "renamed" }) { errors { code } } }`,
        { id: repo("azure", "..") },
      ],
      [
        `mutation($id: ID!) { runScmManagerHealthCheck(input: { repositoryId: $id }) { errors { code } } }`,
        { id: repo("scm", "..") },
      ],
      [`query($id: ID!) { repository(id: $id) { name } }`, { id: repo("scm", ".") }],
      [
        `query($id: ID!) { repository(id: $id) { changeset(revision: "..") { message } } }`,
        { id: repo("scm", scm.id) },
      ],
      [
        `query($id: ID!) { repository(id: $id) { blame(path: "README.md", revision: ".") { code } } }`,
        { id: repo("scm", scm.id) },
      ],
    ];
    for (const [query, variables] of cases) {
      h.resetCalls();
      const answer = await h.query(query, variables);
      // A query refuses it as a GraphQL error; a mutation as a payload error naming the field.
      const payload = Object.values(
        (answer.data ?? {}) as Record<string, { errors?: Array<{ code: string }> }>,
      )[0];
      const code = answer.errors?.[0]?.extensions?.code ?? payload?.errors?.[0]?.code;
      expect(code, query.slice(0, 50)).toMatch(/^(BAD_USER_INPUT|INVALID_INPUT)$/);
      // Only the intended repository was read, and nothing was written.
      for (const call of h.calls()) {
        expect(call.method, call.path).toBe("GET");
        expect(call.path).toContain(`/repositories/${scm.id}`);
      }
    }
  });

  it("a repository type without a command (svn has no branches) is null for every such read, without an error", async () => {
    const svn = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "svn")!;
    const answer = await h.query(
      `query($id: ID!) { repository(id: $id) { name branches(first: 5) { totalCount } tags(first: 5) { totalCount } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: svn.id }) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ repository: { name: svn.name, branches: null, tags: null } });
    // The same rule for every read the type may lack: SCM-Manager's 400 "not supported" is null.
    h.sim.scmManager.faults.setRules([{ operation: "getBlame", status: 400 }]);
    const blame = await h.query(
      `query($id: ID!) { repository(id: $id) { blame(path: "README.md") { code } } }`,
      {
        id: encodeId({ type: "Repository", host: "scm", repositoryId: svn.id }),
      },
    );
    expect(blame.errors).toBeUndefined();
    expect(blame.data).toEqual({ repository: { blame: null } });
  });

  it("a lookup by id checks the id it got: an answer about another record is no answer", async () => {
    const [wanted, other] = [...h.sim.world.gitprotect.organizations.values()];
    // An upstream that ignores the filter's shape: every listing answers the other organization.
    const page = {
      currentPage: 1,
      pageCount: 1,
      totalEntries: 1,
      result: [organizationDto(h.sim.world, other!)],
    };
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 200, body: page }]);
    const answer = await h.query<{ organization: { name: string } | null }>(
      `query($id: ID!) { organization(id: $id) { name } }`,
      { id: encodeId({ type: "Organization", organizationId: wanted!.id }) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization).toBeNull();
  });

  it("a commit, and the record read before a whole-record write, are checked to be the ones asked for", async () => {
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    const azureRepo = [...h.sim.world.azure.repositories.values()].find(
      (r) => r.name !== "" && !r.name.startsWith("empty"),
    )!;
    const azureId = encodeId({ type: "Repository", host: "azure", repositoryId: azureRepo.id });
    const history = await h.query<{ repository: { changesets: { nodes: Array<{ revision: string }> } } }>(
      `query($id: ID!) { repository(id: $id) { changesets(first: 2) { nodes { revision } } } }`,
      { id: azureId },
    );
    const [wanted, other] = history.data.repository.changesets.nodes.map((n) => n.revision);
    const commitUrl = `${h.sim.azureDevOps.url}/_apis/git/repositories/${azureRepo.id}/commits/${other}?api-version=1.0`;
    const otherCommit: unknown = await (
      await fetch(commitUrl, { headers: { authorization: basic("", "demo-pat") } })
    ).json();
    h.sim.azureDevOps.faults.setRules([{ operation: "getCommit", status: 200, body: otherCommit }]);
    const commit = await h.query<{ repository: { changeset: { parents: unknown } | null } }>(
      `query($id: ID!, $rev: String!) { repository(id: $id) { changeset(revision: $rev) { revision parentRevisions } } }`,
      { id: azureId, rev: wanted },
    );
    expect(commit.data.repository.changeset).toBeNull();

    const [target, stranger] = [...h.sim.world.scm.repositories.values()].filter((r) => r.type === "git");
    const strangerUrl = `${h.sim.scmManager.url}/api/rest/repositories/${stranger!.id}.json`;
    const strangerRecord: unknown = await (
      await fetch(strangerUrl, { headers: { authorization: basic("scmadmin", "scmadmin") } })
    ).json();
    h.sim.scmManager.faults.setRules([{ operation: "getRepository", status: 200, body: strangerRecord }]);
    const before = structuredClone(target!);
    h.resetCalls();
    const write = await h.query(
      `mutation($id: ID!) { updateScmManagerRepository(input: { repositoryId: $id, description: "changed" }) { errors { code } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: target!.id }) },
    );
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstream: "SCM-Manager" });
    expect(h.calls().filter((c) => c.method !== "GET")).toEqual([]);
    expect(h.sim.world.scm.repositories.get(target!.id)).toEqual(before);
  });

  it("a refused sign-in is UNAUTHENTICATED, tried once a request, and sends no write", async () => {
    const wrong = await startHarness({ env: { CACHE: "off", GITPROTECT_PASSWORD: "not-the-password" } });
    try {
      const counts = () => wrong.sim.gitprotect.stats.snapshot().counts;
      const organization = [...wrong.sim.world.gitprotect.organizations.values()][0]!;
      const read = await wrong.query(
        `{ a: organizations { totalCount } b: organizations(first: 1) { totalCount } }`,
      );
      expect(read.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED"]);
      expect(counts().login).toBe(1);
      const write = await wrong.query(
        `mutation($input: SynchronizeOrganizationInput!) { synchronizeOrganization(input: $input) { errors { code } } }`,
        { input: { organizationId: encodeId({ type: "Organization", organizationId: organization.id }) } },
      );
      expect(write.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(write.errors?.[0]?.message).toMatch(/nothing else was sent/);
      expect(counts().synchronizeOrganization ?? 0).toBe(0);
      expect(counts().login).toBe(2);
      const metrics = await (await fetch(new URL("/metrics", wrong.gateway.url))).text();
      expect(metrics).not.toMatch(/upstream="gitprotect",operation="\w+",outcome="network_error"/);
      expect(metrics).toMatch(/upstream="gitprotect",operation="\w+",outcome="client_error"/);
    } finally {
      await wrong.close();
    }
  });

  it("says which upstream is not configured instead of pretending it is empty", async () => {
    const only = await startHarness({
      env: {
        GITPROTECT_URL: "",
        GITPROTECT_EMAIL: "",
        GITPROTECT_PASSWORD: "",
        AZURE_DEVOPS_URL: "",
        AZURE_DEVOPS_PAT: "",
      },
    });
    try {
      const answer = await only.query(
        `{ organizations { totalCount } repositories(first: 100) { totalCount nodes { host } } }`,
      );
      expect(answer.errors?.[0]).toMatchObject({
        path: ["organizations"],
        extensions: { code: "UPSTREAM_NOT_CONFIGURED" },
      });
      const hosted = (answer.data as { repositories: { nodes: Array<{ host: string }> } }).repositories.nodes;
      expect(hosted.length).toBe(only.sim.world.scm.repositories.size);
      expect(new Set(hosted.map((n) => n.host))).toEqual(new Set(["SCM_MANAGER"]));
      // Ids of an unconfigured host name it too, whatever kind of record they name.
      const unknownGuid = "00000000-0000-4000-8000-000000000001";
      for (const key of [
        { type: "Branch" as const, host: "azure" as const, repositoryId: unknownGuid, name: "main" },
        { type: "Changeset" as const, host: "azure" as const, repositoryId: unknownGuid, revision: "main" },
        { type: "Repository" as const, host: "azure" as const, repositoryId: unknownGuid },
      ]) {
        const node = await only.query(`query($id: ID!) { node(id: $id) { id } }`, { id: encodeId(key) });
        expect(node.errors?.[0]?.extensions?.code, key.type).toBe("UPSTREAM_NOT_CONFIGURED");
      }
    } finally {
      await only.close();
    }
  });
});
