import { describe, expect, it } from "vitest";
import { decodeId, decodeIdOf, encodeId, type GlobalId } from "../../src/graphql/global-id.js";

describe("global ids", () => {
  const ids: GlobalId[] = [
    { type: "Organization", organizationId: "o-1" },
    { type: "BackupPlan", organizationId: "o-1", planId: "p-1" },
    { type: "Repository", host: "azure", repositoryId: "r-1" },
    { type: "Repository", host: "gitprotect", organizationId: "o-1", repositoryId: "r-2" },
    { type: "Changeset", host: "scm", repositoryId: "r-3", revision: "abc" },
    { type: "Branch", host: "azure", repositoryId: "r-1", name: "feature/ü" },
    { type: "AzureDevOpsProject", projectId: "pr-1" },
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

  it("refuses an id of another kind", () => {
    expect(() => decodeIdOf(encodeId(ids[0]!), "Repository")).toThrow(/not a Repository id/);
  });
});
