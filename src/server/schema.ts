import { readdirSync, readFileSync } from "node:fs";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { resolvers } from "../resolvers/index.js";

const folder = new URL("../../schema/", import.meta.url);

/** The executable schema: the SDL files of schema/ with the resolvers. */
export function gatewaySchema() {
  const typeDefs = readdirSync(folder)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(new URL(name, folder), "utf8"));
  return makeExecutableSchema({ typeDefs, resolvers: resolvers as never });
}
