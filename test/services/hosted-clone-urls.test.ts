import { describe, expect, it } from "vitest";
import { hostedCloneUrls, JoinRule, normalizeCloneUrl } from "../../src/services/clone-urls.js";
import { fromAzureRepository, fromScmRepository } from "../../src/services/host-models.js";

const azure = {
  id: "2f3d611a-f012-4b39-b157-8db63f380226",
  name: "web",
  url: "https://tfs.example.com/DefaultCollection/_apis/git/repositories/2f3d611a-f012-4b39-b157-8db63f380226",
  project: {
    id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
    name: "Platform",
    url: "x",
    state: "wellFormed" as const,
  },
  remoteUrl: "https://tfs.example.com/DefaultCollection/Platform/_git/web",
  sshUrl: "ssh://tfs.example.com:22/DefaultCollection/Platform/_git/web",
  validRemoteUrls: ["https://tfs.example.com/DefaultCollection/_git/web-old"],
};
const scm = {
  id: "3Q5gUwvwN1",
  name: "team-a/api",
  type: "git",
  creationDate: 1_700_000_000_000,
  public: false,
  archived: false,
  url: "https://scm.example.com/scm/git/team-a/api",
};

describe("a hosted repository's clone URLs: one definition for the join, backup and the writes", () => {
  it("are every URL Azure DevOps answers for a repository, and SCM-Manager's one URL", () => {
    expect(hostedCloneUrls({ host: "azure", dto: azure })).toEqual([
      azure.remoteUrl,
      azure.sshUrl,
      ...azure.validRemoteUrls,
    ]);
    expect(hostedCloneUrls({ host: "scm", dto: scm })).toEqual([scm.url]);
    expect(hostedCloneUrls({ host: "scm", dto: { ...scm, url: undefined } })).toEqual([]);
  });

  it("of an Azure DevOps repository named like its project are both of its forms, with and without the project", () => {
    const { sshUrl: _ssh, validRemoteUrls: _valid, ...documented } = azure;
    const named = { ...documented, name: "Platform" };
    const short = "https://tfs.example.com/DefaultCollection/_git/Platform";
    const long = "https://tfs.example.com/DefaultCollection/Platform/_git/Platform";
    expect(hostedCloneUrls({ host: "azure", dto: { ...named, remoteUrl: short } })).toEqual([short, long]);
    expect(hostedCloneUrls({ host: "azure", dto: { ...named, remoteUrl: long } })).toEqual([long, short]);
    expect(hostedCloneUrls({ host: "azure", dto: documented })).toEqual([documented.remoteUrl]);
  });

  it("are what the models carry, and join by their normalized forms", () => {
    expect(fromAzureRepository(azure).cloneUrls).toEqual(hostedCloneUrls({ host: "azure", dto: azure }));
    expect(fromScmRepository(scm).cloneUrls).toEqual([scm.url]);
    expect(new JoinRule().keys(fromAzureRepository(azure).cloneUrls)).toEqual([
      "tfs.example.com/DefaultCollection/Platform/_git/web",
      "tfs.example.com/DefaultCollection/Platform/_git/web",
      "tfs.example.com/DefaultCollection/_git/web-old",
    ]);
  });

  it("keeps what it normalized, boundedly, answering the same as the rule", () => {
    const rule = new JoinRule(2);
    const urls = [azure.remoteUrl, azure.sshUrl, scm.url, azure.remoteUrl];
    expect(rule.keys(urls)).toEqual([...urls.map(normalizeCloneUrl)]);
    expect(rule.key("not a url")).toBeUndefined();
  });
});
