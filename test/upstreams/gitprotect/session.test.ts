import { describe, expect, it } from "vitest";
import { UpstreamError } from "../../../src/http/upstream-error.js";
import { TokenStore } from "../../../src/upstreams/gitprotect/session.js";

describe("GitProtect sessions", () => {
  it("a refused sign-in is tried once a request; the next request tries again; an outage is tried again", async () => {
    const store = new TokenStore();
    let signIns = 0;
    const refuse = () => {
      signIns += 1;
      return Promise.reject(new UpstreamError("GitProtect", "UNAUTHENTICATED", 401));
    };
    const request = store.session("account");
    await expect(request.token(refuse)).rejects.toMatchObject({ kind: "UNAUTHENTICATED" });
    await expect(request.token(refuse)).rejects.toMatchObject({ kind: "UNAUTHENTICATED" });
    expect(signIns).toBe(1);
    await expect(store.session("account").token(refuse)).rejects.toMatchObject({ kind: "UNAUTHENTICATED" });
    expect(signIns).toBe(2);
    const outage = store.session("account");
    const down = () => {
      signIns += 1;
      return Promise.reject(new UpstreamError("GitProtect", "UNAVAILABLE"));
    };
    await expect(outage.token(down)).rejects.toMatchObject({ kind: "UNAVAILABLE" });
    await expect(outage.token(() => Promise.resolve("token"))).resolves.toBe("token");
  });

  it("keeps a token for the account across requests, and not across gateways", async () => {
    const [one, other] = [new TokenStore(), new TokenStore()];
    let signIns = 0;
    const signIn = () => Promise.resolve(`token-${(signIns += 1)}`);
    expect(await one.session("account").token(signIn)).toBe("token-1");
    expect(await one.session("account").token(signIn)).toBe("token-1");
    expect(await other.session("account").token(signIn)).toBe("token-2");
  });
});
