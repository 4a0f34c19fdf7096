import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const notAnInstant = () =>
  new GraphQLError("A DateTime is an ISO-8601 instant in UTC.", { extensions: { code: "BAD_USER_INPUT" } });

export const DateTime = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant, as an ISO-8601 string in UTC.",
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value === "string" && isoInstant.test(value)) return value;
    throw notAnInstant();
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isoInstant.test(ast.value)) return ast.value;
    throw notAnInstant();
  },
});

/** Epoch milliseconds as a DateTime. */
export const isoDate = (epochMs: number | null | undefined) =>
  epochMs == null ? null : new Date(epochMs).toISOString();
