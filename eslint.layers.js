/**
 * The layers of src/ (see README, Layout): each imports only the layers below it. Kept apart from
 * eslint.config.js so that a test can hold a file against them.
 */
/** A relative import of one of these folders of src/ (package names like @apollo/server never match). */
const importOf = (names) => `^\\.{1,2}/(?:\\.\\./)*(?:${names.join("|")})(?:/|$)`;
const outside = "^(?:\\.\\./)+(?:simulators|bench|test)/";

/** What each folder may not import, and why. */
const forbidden = {
  "src/**": { from: [], why: "the gateway never imports the simulators, the benchmark or tests" },
  "src/config/**": {
    from: ["server", "context", "resolvers", "graphql", "services", "loaders", "upstreams", "http"],
    why: "configuration is read from the environment alone",
  },
  "src/server/**": {
    from: ["graphql", "services", "loaders", "upstreams"],
    why: "the server reaches services through the context",
  },
  "src/context/**": {
    from: ["server", "resolvers", "graphql", "loaders"],
    why: "the context is below the server and the schema",
  },
  "src/resolvers/**": {
    from: ["server", "context", "upstreams", "http", "loaders"],
    why: "resolvers ask services; they never see a DTO, a loader or an upstream client",
  },
  "src/graphql/**": {
    from: ["server", "resolvers", "upstreams", "http", "loaders"],
    why: "graphql/ helps resolvers only",
  },
  "src/services/**": {
    from: ["server", "context", "resolvers", "graphql"],
    why: "services answer models and pages without cursors; graphql/ makes cursors and ids",
  },
  "src/loaders/**": {
    from: ["server", "context", "resolvers", "graphql", "services"],
    why: "loaders only batch upstream calls",
  },
  "src/upstreams/**": {
    from: ["server", "context", "resolvers", "graphql", "services", "loaders"],
    why: "clients know their API and the transport",
  },
  "src/http/**": {
    from: ["server", "context", "resolvers", "graphql", "services", "loaders", "upstreams"],
    why: "the transport knows no API",
  },
};

export const layerRules = Object.entries(forbidden).map(([files, { from, why }]) => ({
  files: [files.replace("/**", "/**/*.ts")],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { regex: outside, message: "The gateway never imports the simulators, the benchmark or tests." },
          ...(from.length ? [{ regex: importOf(from), message: `Layering: ${why}.` }] : []),
        ],
      },
    ],
  },
}));
