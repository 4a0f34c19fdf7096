import { describe, expect, it } from "vitest";
import { normalizeCloneUrl } from "../../src/services/clone-urls.js";

describe("the join rule: normalized clone URLs", () => {
  const same = [
    "https://tfs.example.com/DefaultCollection/Platform/_git/web",
    "http://tfs.example.com:8080/DefaultCollection/Platform/_git/web",
    "https://build:secret@tfs.example.com/DefaultCollection/Platform/_git/web",
    "https://TFS.Example.COM/DefaultCollection/Platform/_git/web.git",
    "https://tfs.example.com/DefaultCollection/Platform/_git/web/",
    "ssh://tfs.example.com:22/DefaultCollection/Platform/_git/web",
    "git@tfs.example.com:DefaultCollection/Platform/_git/web.git",
    "  https://tfs.example.com/DefaultCollection/Platform/_git/web  ",
  ];

  it.each(same)("%s names the same repository", (url) => {
    expect(normalizeCloneUrl(url)).toBe("tfs.example.com/DefaultCollection/Platform/_git/web");
  });

  it("decodes percent-encoding, keeps the path's case", () => {
    expect(normalizeCloneUrl("https://h.example/Coll/_git/%C3%9Cn%C3%AFcode%20Tools")).toBe(
      normalizeCloneUrl("https://h.example/Coll/_git/Ünïcode Tools"),
    );
    expect(normalizeCloneUrl("https://h.example/scm/git/Team/Api")).not.toBe(
      normalizeCloneUrl("https://h.example/scm/git/team/api"),
    );
  });

  it.each(["", "not a url", "ftp://h.example/x", "file:///etc/passwd", "https://", "x".repeat(3000)])(
    "refuses %j",
    (url) => {
      expect(normalizeCloneUrl(url)).toBeUndefined();
    },
  );
});
