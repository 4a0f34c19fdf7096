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

/**
 * Epoch milliseconds as a DateTime. The same few instants recur by the thousand in one answer
 * (an overview's branch heads share about a hundred commits, a blame's lines theirs): each is
 * written out once, not once per field (about 1 % of a cold overview's CPU).
 */
export function isoDate(epochMs: number | null | undefined): string | null {
  if (epochMs == null) return null;
  let iso = written.get(epochMs);
  if (iso === undefined) {
    if (written.size >= maxWritten) written.clear();
    written.set(epochMs, (iso = new Date(epochMs).toISOString()));
  }
  return iso;
}

const written = new Map<number, string>();
const maxWritten = 10_000;
