import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/**
 * Every argument and id part that reaches an upstream URL, given values that could reach another
 * resource: the simulators' request log shows that only the intended resource, or nothing, was
 * called, that nothing was written, and the answer is an answer (no internal error).
 */

let h: Harness;
const hostile = [
  ".",
  "..",
  "/",
  "a/../b",
  "%2F",
  "%2e%2e",
  "?",
  "#",
  "x?y=1#z",
  "\r\n",
  "\u0000",
  "ü/ß",
  "x".repeat(10_000),
];
const writes = new Set([
  "updateRepository",
  "deleteRepository",
  "createRepository",
  "modifyRepository",
  "runHealthCheck",
  "attachGitRepository",
  "detachGitRepository",
  "attachAzureProject",
  "detachAzureProject",
  "modifyGitPlan",
  "modifyAzurePlan",
  "activateRepositories",
  "deactivateRepositories",
  "removeRepository",
  "synchronizeOrganization",
]);

/** Calls about no one repository that a probe may make: sign-in and the listings lookups start from. */
const listings = new Set([
  "login",
  "getOrganizations",
  "getRepositories",
  "listPlansAssignedToOrganization",
  "listProjects",
]);

beforeAll(async () => {
  h = await startHarness({ env: { CACHE: "off" } });
});
afterAll(() => h.close());

type Probe = [string, (value: string) => [string, Record<string, unknown>]];

function probes(): Probe[] {
  const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
  const azure = [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
  const scmId = encodeId({ type: "Repository", host: "scm", repositoryId: scm.id });
  const azureId = encodeId({ type: "Repository", host: "azure", repositoryId: azure.id });
  const forged = (...parts: string[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");
  const on = (id: string, field: string) => (): [string, Record<string, unknown>] => [
    `query($id: ID!, $v: String!) { repository(id: $id) { ${field} } }`,
    { id },
  ];
  const read =
    (id: string, field: string): Probe[1] =>
    (v) => [on(id, field)()[0], { id, v }];
  return [
    [
      "an SCM-Manager id",
      (v) => [`query($id: ID!) { repository(id: $id) { name } }`, { id: forged("Repository", "scm", v) }],
    ],
    [
      "an Azure DevOps id",
      (v) => [`query($id: ID!) { repository(id: $id) { name } }`, { id: forged("Repository", "azure", v) }],
    ],
    [
      "an organization id",
      (v) => [`query($id: ID!) { organization(id: $id) { name } }`, { id: forged("Organization", v) }],
    ],
    [
      "a changeset id's revision",
      (v) => [`query($id: ID!) { node(id: $id) { id } }`, { id: forged("Changeset", "scm", scm.id, v) }],
    ],
    ...(["scm", "azure"] as const).flatMap((host): Probe[] => {
      const id = host === "scm" ? scmId : azureId;
      return [
        [`a ${host} changeset revision`, read(id, "changeset(revision: $v) { revision }")],
        [`a ${host} branch name`, read(id, "branch(name: $v) { name }")],
        [`a ${host} file path`, read(id, "file(path: $v) { size }")],
        [`a ${host} folder path`, read(id, "tree(path: $v) { name }")],
        [`a ${host} tree revision`, read(id, "tree(revision: $v) { name }")],
        [`a ${host} changesets branch`, read(id, "changesets(first: 1, branch: $v) { totalCount }")],
        [`a ${host} changesets path`, read(id, "changesets(first: 1, path: $v) { totalCount }")],
        [`a ${host} changesets revision`, read(id, "changesets(first: 1, revision: $v) { totalCount }")],
        [`a ${host} blame path`, read(id, `blame(path: $v) { code }`)],
        [`a ${host} blame revision`, read(id, `blame(path: "README.md", revision: $v) { code }`)],
        [`a ${host} file revision`, read(id, `file(path: "README.md", revision: $v) { size }`)],
        [`a ${host} diff path`, read(id, `changesets(first: 1) { nodes { diff(path: $v) } }`)],
        [
          `a ${host} branch id's name`,
          (v) => [
            `query($id: ID!) { node(id: $id) { id } }`,
            { id: forged("Branch", host, host === "scm" ? scm.id : azure.id, v) },
          ],
        ],
        [
          `a ${host} changeset id's revision`,
          (v) => [
            `query($id: ID!) { node(id: $id) { id } }`,
            { id: forged("Changeset", host, host === "scm" ? scm.id : azure.id, v) },
          ],
        ],
        [
          `a ${host} id in a delete`,
          (v) => [
            `mutation($id: ID!) { ${host === "scm" ? "deleteScmManagerRepository" : "deleteAzureDevOpsRepository"}(input: { repositoryId: $id, confirmName: "x" }) { errors { code } } }`,
            { id: forged("Repository", host, v) },
          ],
        ],
      ];
    }),
    [
      "a project id",
      (v) => [
        `query($id: ID!) { node(id: $id) { ... on AzureDevOpsProject { repositories { name } } } }`,
        { id: forged("AzureDevOpsProject", v) },
      ],
    ],
    [
      "an SCM-Manager id in an update",
      (v) => [
        `mutation($id: ID!) { updateScmManagerRepository(input: { repositoryId: $id, description: "x" }) { errors { code } } }`,
        { id: forged("Repository", "scm", v) },
      ],
    ],
    [
      "an Azure DevOps id in a rename",
      (v) => [
        `mutation($id: ID!) { updateAzureDevOpsRepository(input: { repositoryId: $id, name: "renamed" }) { errors { code } } }`,
        { id: forged("Repository", "azure", v) },
      ],
    ],
    [
      "a default branch",
      (v) => [
        `mutation($id: ID!, $v: String!) { updateAzureDevOpsRepository(input: { repositoryId: $id, defaultBranch: $v }) { errors { code } } }`,
        { id: azureId, v },
      ],
    ],
    [
      "an SCM-Manager id in a health check",
      (v) => [
        `mutation($id: ID!) { runScmManagerHealthCheck(input: { repositoryId: $id }) { errors { code } } }`,
        { id: forged("Repository", "scm", v) },
      ],
    ],
    [
      "a plan id",
      (v) => [
        `mutation($plan: ID!, $repo: ID!) { attachRepositoryToPlan(input: { planId: $plan, repositoryId: $repo }) { errors { code } } }`,
        { plan: forged("BackupPlan", [...h.sim.world.gitprotect.organizations.keys()][0]!, v), repo: scmId },
      ],
    ],
  ];
}

describe("hostile values at every argument that reaches an upstream URL", () => {
  it("call only the intended resource, or nothing, and never write", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const azure = [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
    const intended = new Set([scm.id, azure.id.toLowerCase()]);
    for (const [name, probe] of probes())
      for (const value of hostile) {
        const [query, variables] = probe(value);
        h.resetCalls();
        const answer = await h.query(query, variables);
        const where = `${name} = ${JSON.stringify(value.slice(0, 20))}`;
        expect(answer.status, where).toBeLessThan(500);
        for (const error of answer.errors ?? [])
          expect(error.extensions?.code, where).not.toBe("INTERNAL_SERVER_ERROR");
        for (const call of h.calls()) {
          expect(writes.has(call.operation), `${where}: ${call.operation}`).toBe(false);
          // Every call is about the intended repository, or one of the listings a probe may need:
          // a URL that escaped to a parent resource (or to none) names neither.
          const repository = /\/repositories\/([^/]+)/.exec(call.path)?.[1];
          const aboutIntended =
            repository !== undefined && intended.has(decodeURIComponent(repository).toLowerCase());
          expect(aboutIntended || listings.has(call.operation), `${where}: ${call.method} ${call.path}`).toBe(
            true,
          );
        }
      }
  });
});
