import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/**
 * The explorers in a real browser: Debian's Chromium (installed by .ci/run) driven by
 * playwright-core. Screenshots are kept in test-results/explorer/ as the tests' artefacts.
 */

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const shots = new URL("../../test-results/explorer/", import.meta.url).pathname;
let h: Harness;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  h = await startHarness({
    env: {
      EXPLORER_HEADERS: JSON.stringify({
        "x-scm-manager-username": "alice",
        "x-scm-manager-password": "alice-secret",
      }),
    },
  });
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const origin = () => new URL(h.gateway.url).origin;

describe("the explorers in a browser", () => {
  it("GraphiQL at /graphiql works offline: runs the first query and shows its answer, with the docs", async () => {
    const page = await browser.newPage();
    // A closed network: nothing but the gateway itself answers.
    await page.route(
      (url) => url.origin !== origin(),
      (route) => route.abort(),
    );
    await page.goto(`${origin()}/graphiql`);
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    const first = [...h.sim.world.gitprotect.organizations.values()][0]!;
    await expect.poll(() => response.innerText(), { timeout: 20_000 }).toContain(first.name);
    expect(await page.locator(".graphiql-editor-tool").innerText()).toContain("x-scm-manager-username");
    await page.screenshot({ path: `${shots}graphiql.png` });
    await page.getByLabel("Show Documentation Explorer").click();
    await expect.poll(() => page.locator(".graphiql-doc-explorer").innerText()).toContain("Query");
    await page.screenshot({ path: `${shots}graphiql-docs.png` });
    await page.close();
  });

  it("Apollo Sandbox at /graphql names this endpoint, and offline points to /graphiql", async () => {
    const page = await browser.newPage();
    await page.route(
      (url) => url.origin !== origin(),
      (route) => route.abort(),
    );
    await page.goto(h.gateway.url);
    expect(
      await page.evaluate(() => (window as unknown as { initialEndpoint: string }).initialEndpoint),
    ).toBe(h.gateway.url);
    const link = page.locator("#graphiql-link");
    await expect.poll(() => link.isVisible(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: `${shots}sandbox-offline.png` });
    await link.click();
    await page.waitForURL(`${origin()}/graphiql`);
    await expect
      .poll(() => page.locator(".graphiql-execute-button").isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page.close();
  });
});
