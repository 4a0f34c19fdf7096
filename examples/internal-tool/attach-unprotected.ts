/**
 * An internal tool: attaches every repository of an organization that no backup plan holds to the
 * plan named, over plain HTTP with an API key (its scopes must include `write`). No client library:
 * a POST of `{ query, variables }` is all the gateway needs.
 *
 *   GATEWAY_URL=http://localhost:4000/graphql GATEWAY_API_KEY=… \
 *     npx tsx examples/internal-tool/attach-unprotected.ts "<organization>" "<plan>" [--dry-run]
 */

import { pathToFileURL } from "node:url";

const organizations = /* GraphQL */ `
  query Organizations($name: String!) {
    organizations(first: 100, filter: { nameContains: $name }) {
      nodes {
        id
        name
        backupPlans(first: 100) {
          nodes {
            id
            name
          }
        }
      }
    }
  }
`;

const repositories = /* GraphQL */ `
  query Repositories($organization: ID!, $after: String) {
    organization(id: $organization) {
      repositories(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          name
          backup {
            removed
            plans {
              id
            }
          }
        }
      }
    }
  }
`;

const attach = /* GraphQL */ `
  mutation Attach($input: AttachRepositoriesToPlanInput!) {
    attachRepositoriesToPlan(input: $input) {
      results {
        repositoryId
        ok
        errors {
          code
          message
        }
      }
      errors {
        code
        message
      }
    }
  }
`;

interface Gateway {
  url: string;
  apiKey: string;
}

interface Organization {
  id: string;
  name: string;
  backupPlans: { nodes: Array<{ id: string; name: string }> };
}

interface Repository {
  id: string;
  name: string;
  backup: { removed: boolean; plans: Array<{ id: string }> } | null;
}

interface RepositoryPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Repository[];
}

interface AttachPayload {
  results: Array<{ repositoryId: string; ok: boolean; errors: Array<{ code: string; message: string }> }>;
  errors: Array<{ code: string; message: string }>;
}

/** What the tool did: the repositories attached, and those that could not be, with why. */
export interface Report {
  plan: string;
  attached: string[];
  failed: Array<{ name: string; why: string }>;
}

/** One GraphQL request; any error in the answer stops the tool with its code and message. */
async function call<T>(gateway: Gateway, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": gateway.apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  const error = answer.errors?.[0];
  if (error || !answer.data)
    throw new Error(`${error?.extensions?.code ?? response.status}: ${error?.message ?? "no data"}`);
  return answer.data;
}

/** The organization named exactly. */
async function organizationNamed(gateway: Gateway, name: string): Promise<Organization> {
  const data: { organizations: { nodes: Organization[] } } = await call(gateway, organizations, { name });
  const found = data.organizations.nodes.find((o) => o.name === name);
  if (!found) throw new Error(`no organization named "${name}"`);
  return found;
}

/** Every repository GitProtect knows in the organization, a page of 100 at a time. */
async function repositoriesOf(gateway: Gateway, organization: string): Promise<Repository[]> {
  const all: Repository[] = [];
  for (let after: string | null = null; ;) {
    const data: { organization: { repositories: RepositoryPage } } = await call(gateway, repositories, {
      organization,
      after,
    });
    const page = data.organization.repositories;
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

/** Attaches the organization's repositories that no plan holds (removed ones left alone) to the plan. */
export async function attachUnprotected(
  gateway: Gateway,
  organizationName: string,
  planName: string,
  dryRun = false,
): Promise<Report> {
  const organization = await organizationNamed(gateway, organizationName);
  const plan = organization.backupPlans.nodes.find((p) => p.name === planName);
  if (!plan) throw new Error(`no plan named "${planName}" in ${organizationName}`);
  const lonely = (await repositoriesOf(gateway, organization.id)).filter(
    (r) => r.backup && !r.backup.removed && r.backup.plans.length === 0,
  );
  const report: Report = { plan: plan.name, attached: [], failed: [] };
  if (dryRun) return { ...report, attached: lonely.map((r) => r.name) };
  const names = new Map(lonely.map((r) => [r.id, r.name]));
  // The mutation takes up to 100 repositories at a time.
  for (let start = 0; start < lonely.length; start += 100) {
    const repositoryIds = lonely.slice(start, start + 100).map((r) => r.id);
    const { attachRepositoriesToPlan: payload }: { attachRepositoriesToPlan: AttachPayload } = await call(
      gateway,
      attach,
      {
        input: { planId: plan.id, repositoryIds },
      },
    );
    if (payload.errors.length > 0)
      throw new Error(payload.errors.map((e) => `${e.code}: ${e.message}`).join("; "));
    for (const result of payload.results) {
      const name = names.get(result.repositoryId) ?? result.repositoryId;
      if (result.ok) report.attached.push(name);
      else report.failed.push({ name, why: result.errors.map((e) => e.code).join(", ") });
    }
  }
  return report;
}

async function main(): Promise<void> {
  const [organization, plan] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const url = process.env.GATEWAY_URL ?? "http://localhost:4000/graphql";
  const apiKey = process.env.GATEWAY_API_KEY;
  if (!organization || !plan || !apiKey) {
    console.error('usage: GATEWAY_API_KEY=… attach-unprotected.ts "<organization>" "<plan>" [--dry-run]');
    process.exit(2);
  }
  const dryRun = process.argv.includes("--dry-run");
  const report = await attachUnprotected({ url, apiKey }, organization, plan, dryRun);
  const verb = dryRun ? "would attach" : "attached";
  console.log(
    `${verb} ${report.attached.length} to "${report.plan}": ${report.attached.join(", ") || "none"}`,
  );
  for (const failure of report.failed) console.log(`not attached: ${failure.name} (${failure.why})`);
  process.exitCode = report.failed.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.error(`attach-unprotected: ${(error as Error).message}`);
    process.exit(1);
  });
