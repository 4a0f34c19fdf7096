import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/**
 * The gateway over the documents' own sample records (simulators/world/document-samples.ts):
 * what the documents show — the 1.0 fields alone, `master`, a repository without a default
 * branch, a repository named like its project, epoch dates, nulls — is what it must read right.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ simulators: { samples: true } });
});
afterAll(() => h.close());

type Listed = {
  id: string;
  name: string;
  host: string;
  cloneUrl: string | null;
  defaultBranch: { name: string } | null;
  backup: { name: string } | null;
};

const azureId = (repositoryId: string) => encodeId({ type: "Repository", host: "azure", repositoryId });

describe("the documents' sample records", () => {
  it("lists the TFS samples as written, each joined with its GitProtect record whatever URL form it uses", async () => {
    const answer = await h.query<{ repositories: { nodes: Listed[] } }>(
      `{ repositories(first: 100) { nodes { id name host cloneUrl defaultBranch { name } backup { name } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const byName = new Map(answer.data.repositories.nodes.map((n) => [n.name, n]));
    expect([...byName.keys()].sort()).toEqual([
      "AnotherRepository",
      "Fabrikam-Fiber-Git",
      "FabrikamCloud",
      "TestGit",
      "samples/documented",
    ]);
    expect(byName.get("AnotherRepository")!.defaultBranch).toBeNull();
    expect(byName.get("Fabrikam-Fiber-Git")!.defaultBranch).toEqual({ name: "master" });
    expect(byName.get("Fabrikam-Fiber-Git")!.cloneUrl).toMatch(
      /\/DefaultCollection\/_git\/Fabrikam-Fiber-Git$/,
    );
    for (const node of byName.values())
      if (node.host === "AZURE_DEVOPS") expect(node.backup, node.name).not.toBeNull();
    // SCM-Manager's sample record has no `url`: no clone URL, so nothing to join it by.
    expect(byName.get("samples/documented")).toMatchObject({ cloneUrl: null, backup: null });
    expect(byName.get("TestGit")!.id).toBe(azureId("66efb083-777a-4cac-a350-a24b046be6be"));
  });

  it("reaches the same repositories, with the same ids, through GitProtect's organization with its nulls", async () => {
    const answer = await h.query<{
      organizations: {
        nodes: Array<{ name: string; apiUrl: string | null; repositories: { nodes: Array<{ id: string }> } }>;
      };
    }>(`{ organizations { nodes { name apiUrl repositories(first: 100) { nodes { id } } } } }`);
    expect(answer.errors).toBeUndefined();
    const [organization] = answer.data.organizations.nodes;
    expect(organization).toMatchObject({ name: "fabrikam-fiber-inc", apiUrl: null });
    const ids = organization!.repositories.nodes.map((n) => n.id);
    expect(ids).toContain(azureId("278d5cd2-584d-4b63-824a-2ba458937249"));
    expect(ids).toContain(azureId("2f3d611a-f012-4b39-b157-8db63f380226"));
    // GitProtect's record of the SCM-Manager sample stays SCM-Manager's, though the host gives no URL to join by.
    const hosts = await h.query<{
      organizations: {
        nodes: Array<{ repositories: { nodes: Array<{ host: string; scmManager: unknown }> } }>;
      };
    }>(`{ organizations { nodes { repositories(first: 100) { nodes { host scmManager { scmId } } } } } }`);
    const scm = hosts.data.organizations.nodes[0]!.repositories.nodes.filter((n) => n.host === "SCM_MANAGER");
    expect(scm).toEqual([{ host: "SCM_MANAGER", scmManager: null }]);
  });

  it("reads an empty repository, which has no default branch, as empty: no error", async () => {
    const answer = await h.query(
      `query($id: ID!) { repository(id: $id) { branches { totalCount } changesets { nodes { revision } } tree { name } file(path: "README.md") { text } } }`,
      { id: azureId("5febef5a-833d-4e14-b9c0-14cb638f91e6") },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      repository: { branches: { totalCount: 0 }, changesets: { nodes: [] }, tree: null, file: null },
    });
  });

  it("reads history, files and tags of a sample whose default branch is master", async () => {
    const answer = await h.query<{
      repository: {
        branch: { name: string } | null;
        changesets: { nodes: Array<{ revision: string }> };
        file: { text: string } | null;
        azureDevOps: { project: { name: string }; sshUrl: string | null };
      };
    }>(
      `query($id: ID!) { repository(id: $id) { branch(name: "master") { name } changesets(first: 3) { nodes { revision } } file(path: "README.md") { text } azureDevOps { project { name } sshUrl } } }`,
      { id: azureId("278d5cd2-584d-4b63-824a-2ba458937249") },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.repository.branch).toEqual({ name: "master" });
    expect(answer.data.repository.changesets.nodes).toHaveLength(3);
    expect(answer.data.repository.file?.text).toBeTruthy();
    expect(answer.data.repository.azureDevOps).toEqual({
      project: { name: "Fabrikam-Fiber-Git" },
      sshUrl: null,
    });
  });

  it("reads SCM-Manager's sample: epoch dates, group permissions, a property without value", async () => {
    const answer = await h.query(
      `query($id: ID!) { repository(id: $id) { name defaultBranch { name } scmManager { createdAt lastModifiedAt public archived contact permissions { name type group } properties { key value } healthCheckFailures { summary } } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: "3ZOHKUePB3" }) },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      repository: {
        name: "samples/documented",
        defaultBranch: { name: "master" },
        scmManager: {
          createdAt: "1970-01-01T00:00:12.345Z",
          lastModifiedAt: "1970-01-01T00:00:12.345Z",
          public: true,
          archived: true,
          contact: "...",
          permissions: [
            { name: "developers", type: "WRITE", group: true },
            { name: "...", type: "WRITE", group: true },
          ],
          properties: [
            { key: "...", value: "..." },
            { key: "sample", value: null },
          ],
          healthCheckFailures: [{ summary: "..." }, { summary: "..." }],
        },
      },
    });
  });
});
