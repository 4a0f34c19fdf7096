import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.js";

describe("configuration", () => {
  it("with nothing set, is the demo on port 4000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      demo: true,
      upstream: { timeoutMs: 10_000, concurrency: { floor: 4, ceiling: 256 } },
    });
    expect(config.gitprotect).toBeUndefined();
  });

  it("takes each upstream on its own", () => {
    const config = loadConfig({
      SCM_MANAGER_URL: "https://scm.example.com/scm/",
      SCM_MANAGER_USERNAME: "u",
      SCM_MANAGER_PASSWORD: "p",
    });
    expect(config.demo).toBe(false);
    expect(config.scm).toEqual({ url: "https://scm.example.com/scm", username: "u", password: "p" });
    expect(config.azure).toBeUndefined();
  });

  it("bounds the adaptive concurrency limit, and refuses the fixed cap's old setting instead of ignoring it", () => {
    expect(
      loadConfig({ UPSTREAM_CONCURRENCY_MIN: "8", UPSTREAM_CONCURRENCY_MAX: "8" }).upstream.concurrency,
    ).toEqual({
      floor: 8,
      ceiling: 8,
    });
    expect(() => loadConfig({ UPSTREAM_CONCURRENCY_MIN: "9", UPSTREAM_CONCURRENCY_MAX: "8" })).toThrow(
      /UPSTREAM_CONCURRENCY_MIN \(9\) must not be more than UPSTREAM_CONCURRENCY_MAX \(8\)/,
    );
    expect(() => loadConfig({ UPSTREAM_CONCURRENCY: "4" })).toThrow(/set both to N for a fixed cap/);
  });

  it("takes an HTTP proxy, and never shows one it cannot read (it may hold a password)", () => {
    const proxy = loadConfig({ HTTPS_PROXY: "http://u:secret@proxy.example:3128", NO_PROXY: ".corp" })
      .upstream.proxy;
    expect(proxy).toEqual({
      httpsProxy: "http://u:secret@proxy.example:3128",
      httpProxy: undefined,
      noProxy: ".corp",
    });
    expect(loadConfig({}).upstream.proxy).toBeUndefined();
    for (const bad of ["http://u:secret@proxy.example:99999", "socks5://u:secret@proxy.example:1080"]) {
      expect(() => loadConfig({ HTTP_PROXY: bad })).toThrow(/HTTP_PROXY must be an http\(s\) URL/);
      expect(() => loadConfig({ HTTP_PROXY: bad })).not.toThrow(/secret/);
    }
  });

  it("says clearly what is wrong, all at once", () => {
    let message = "";
    try {
      loadConfig({
        PORT: "99999",
        GITPROTECT_URL: "ftp://x",
        GITPROTECT_EMAIL: "a@b.c",
        AZURE_DEVOPS_PAT: "secret",
        SCM_MANAGER_URL: "https://user:pw@scm.example.com/scm",
        UPSTREAM_TIMEOUT_MS: "soon",
      });
    } catch (error) {
      message = String(error);
    }
    for (const expected of [
      "PORT must be an integer between 0 and 65535",
      "GITPROTECT_URL must be an http(s) URL",
      "GITPROTECT_EMAIL and GITPROTECT_PASSWORD go together",
      "AZURE_DEVOPS_PAT is set but AZURE_DEVOPS_URL is not",
      "SCM_MANAGER_URL must not carry credentials",
      "UPSTREAM_TIMEOUT_MS must be an integer",
    ])
      expect(message).toContain(expected);
    expect(message).not.toContain("pw@");
  });

  it("needs a shared key secret for a shared cache, and knows how to switch the cache off", () => {
    expect(() => loadConfig({ CACHE_URL: "redis://127.0.0.1:6379" })).toThrow(/CACHE_KEY_SECRET/);
    expect(() => loadConfig({ CACHE_URL: "http://x", CACHE_KEY_SECRET: "0123456789abcdef" })).toThrow(
      /redis:\/\//,
    );
    expect(loadConfig({ CACHE: "off" }).cache.enabled).toBe(false);
    const shared = loadConfig({
      CACHE_URL: "redis://127.0.0.1:6379",
      CACHE_KEY_SECRET: "0123456789abcdef",
      CACHE_TTL_LISTING_SECONDS: "5",
    });
    expect(shared.cache).toMatchObject({
      enabled: true,
      url: "redis://127.0.0.1:6379",
      ttlSeconds: { listing: 5, refs: 15 },
    });
  });

  it("never repeats a secret in its messages", () => {
    try {
      loadConfig({
        GITPROTECT_TOKEN: "tok-123",
        GITPROTECT_EMAIL: "a@b.c",
        GITPROTECT_PASSWORD: "pw-456",
        GITPROTECT_URL: "https://gp.example",
      });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toMatch(/tok-123|pw-456/);
    }
  });
});
