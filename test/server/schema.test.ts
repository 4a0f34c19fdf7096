import { readFile } from "node:fs/promises";
import type { GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { outputs, renderGenerated } from "../../codegen.js";
import { gatewaySchema } from "../../src/server/schema.js";

describe("the GraphQL schema", () => {
  it("describes every type, field, argument and enum value (Apollo Sandbox is the manual)", () => {
    const missing: string[] = [];
    for (const type of Object.values(gatewaySchema().getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      // Duck typing: graphql-tools may load graphql's other module format, which instanceof checks refuse.
      if ("getFields" in type)
        for (const field of Object.values((type as GraphQLObjectType).getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of (field as Partial<typeof field>).args ?? [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      if ("getValues" in type)
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it("generated resolver types, the merged schema and the example client's documents are up to date (npm run codegen)", async () => {
    const rendered = await renderGenerated();
    expect(rendered.map((r) => r.path.pathname)).toEqual(
      expect.arrayContaining([outputs.resolvers.pathname, outputs.schema.pathname]),
    );
    for (const { path, content } of rendered) expect(await readFile(path, "utf8")).toBe(content);
  });
});
