type Json = Record<string, unknown>;

/**
 * ASP.NET Core binds JSON property names without regard to case: `{"PlanId": ...}` fills `planId`.
 * This renames each property of `value` to the spelling the contract's schema uses, recursively.
 */
export function bindCaseInsensitive(value: unknown, schema: Json | undefined): unknown {
  if (!schema) return value;
  if (Array.isArray(value))
    return value.map((item) => bindCaseInsensitive(item, schema.items as Json | undefined));
  if (value === null || typeof value !== "object") return value;
  const properties = collectProperties(schema);
  const byLowerName = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(
    Object.entries(value as Json).map(([key, item]) => {
      const name = byLowerName.get(key.toLowerCase()) ?? key;
      return [name, bindCaseInsensitive(item, properties[name])];
    }),
  );
}

function collectProperties(schema: Json): Record<string, Json> {
  const own = (schema.properties as Record<string, Json> | undefined) ?? {};
  const inherited = ((schema.allOf as Json[] | undefined) ?? []).map(collectProperties);
  return Object.assign({}, ...inherited, own) as Record<string, Json>;
}
