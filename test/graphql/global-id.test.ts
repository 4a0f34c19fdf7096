import { describe, expect, it } from "vitest";
import { decodeId, decodeIdOf, encodeId, type GlobalId } from "../../src/graphql/global-id.js";

const [o1, p1, r1, r2, pr1] = [
  "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
  "5febef5a-833d-4e14-b9c0-14cb638f91e6",
  "278d5cd2-584d-4b63-824a-2ba458937249",
  "2f3d611a-f012-4b39-b157-8db63f380226",
  "eb6e4656-77fc-42a1-9181-4c6d8e9da5d1",
];
const forged = (...parts: string[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");

describe("global ids", () => {
  const ids: GlobalId[] = [
    { type: "Organization", organizationId: o1 },
    { type: "BackupPlan", organizationId: o1, planId: p1 },
    { type: "Repository", host: "azure", repositoryId: r1 },
    { type: "Repository", host: "gitprotect", organizationId: o1, repositoryId: r2 },
    { type: "Changeset", host: "scm", repositoryId: "3Q5gUwvwN1", revision: "abc" },
    { type: "Branch", host: "azure", repositoryId: r1, name: "feature/ü" },
    { type: "AzureDevOpsProject", projectId: pr1 },
  ];

  it.each(ids)("round-trips $type", (id) => {
    expect(decodeId(encodeId(id))).toEqual(id);
  });

  it.each([
    "",
    "%%%",
    "W10",
    Buffer.from('["Repository","mars","x"]').toString("base64url"),
    Buffer.from('["Organization",7]').toString("base64url"),
  ])("refuses %j as BAD_USER_INPUT", (raw) => {
    expect(() => decodeId(raw)).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }) as Error,
    );
  });

  it.each([
    ["an Azure DevOps repository id that is no GUID", forged("Repository", "azure", "..")],
    ["an SCM-Manager id with a slash", forged("Repository", "scm", "a/b")],
    ["an SCM-Manager id `.`", forged("Repository", "scm", ".")],
    ["a GitProtect organization id that is no GUID", forged("Organization", "../plans")],
    ["a plan id with a query", forged("BackupPlan", o1, "x?y=1")],
    ["a project id that is no GUID", forged("AzureDevOpsProject", "Fabrikam")],
    ["a revision `..`", forged("Changeset", "scm", "abc123", "..")],
    ["a branch name with a space", forged("Branch", "azure", r1, "a b")],
  ])("refuses %s", (_, raw) => {
    expect(() => decodeId(raw)).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }) as Error,
    );
  });

  it("refuses an id of another kind", () => {
    expect(() => decodeIdOf(encodeId(ids[0]!), "Repository")).toThrow(/not a Repository id/);
  });
});
