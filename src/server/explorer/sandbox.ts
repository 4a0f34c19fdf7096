import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";

/** Apollo's own words when Sandbox (served from its CDN) cannot load: the page says so, then stops. */
const deadEnd = "it appears that you might be offline.</p>";
const wayOut =
  'it appears that you might be offline. This gateway serves an explorer of its own: <a id="graphiql-link" href="/graphiql">GraphiQL at /graphiql</a>.</p>';

/**
 * Sandbox's container covers the page even while empty: until Sandbox fills it, clicks go through
 * to the fallback. A style of the page's own nonce, which its Content-Security-Policy requires.
 */
function passThrough(html: string): string {
  const nonce = /nonce="?([0-9a-f]+)/.exec(html)?.[1];
  return nonce ? `<style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>` : "";
}

/**
 * Apollo Sandbox at `/graphql`, pointed at the page's own URL; on a closed network its fallback
 * (shown until Sandbox covers it) links to the gateway's own GraphiQL instead of a dead end.
 */
export function sandboxLandingPage(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      return {
        async renderLandingPage() {
          const page = await listener!.renderLandingPage!();
          const html = typeof page.html === "string" ? page.html : await page.html();
          return { html: html.replace(deadEnd, wayOut + passThrough(html)) };
        },
      };
    },
  };
}
