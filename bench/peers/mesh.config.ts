/**
 * The peer's composition (`mesh-compose`, run by `npm run bench -- --peers` in this folder): GraphQL
 * Mesh over the project's own OpenAPI contracts, one subgraph per upstream, as a careful user would
 * write it. Each subgraph's names get a prefix (three APIs name a `Repository`, two a `login`); the
 * GitProtect reads, POSTs in its API, are queries; each call carries the caller's own credentials
 * from its request's headers; Azure DevOps calls name the API version the project speaks.
 */
import { createPrefixTransform, defineConfig } from "@graphql-mesh/compose-cli";
import { loadOpenAPISubgraph } from "@omnigraph/openapi";

const contract = (name: string) => `../../schema/upstreams/${name}.openapi.yaml`;
const prefixed = (value: string) => [createPrefixTransform({ value, includeRootOperations: true })];

export const composeConfig = defineConfig({
  subgraphs: [
    {
      sourceHandler: loadOpenAPISubgraph("GitProtect", {
        source: contract("gitprotect"),
        endpoint: "{env.GITPROTECT_URL}",
        operationHeaders: { Authorization: "Bearer {context.headers.x-gitprotect-token}" },
        selectQueryOrMutationField: [
          "getOrganizations",
          "getRepositories",
          "listPlansAssignedToOrganization",
        ].map((fieldName) => ({ type: "query" as const, fieldName })),
      }),
      transforms: prefixed("GP_"),
    },
    {
      sourceHandler: loadOpenAPISubgraph("AzureDevOps", {
        source: contract("azure-devops"),
        endpoint: "{env.AZURE_DEVOPS_URL}",
        operationHeaders: { Authorization: "Basic {context.headers.x-azure-devops-basic}" },
        queryParams: { "api-version": "1.0" },
      }),
      transforms: prefixed("AZ_"),
    },
    {
      sourceHandler: loadOpenAPISubgraph("ScmManager", {
        source: contract("scm-manager"),
        endpoint: "{env.SCM_MANAGER_URL}/api/rest",
        operationHeaders: { Authorization: "Basic {context.headers.x-scm-manager-basic}" },
      }),
      transforms: prefixed("SCM_"),
    },
  ],
});
