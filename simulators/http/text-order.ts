const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value ?? ""));

/**
 * The order a Java server's listing sorts a field in, for the simulators: its value as text (a
 * non-string as its JSON), English collation. `localeCompare` with a locale and no options: V8
 * keeps that collator between calls.
 */
export const compareAsText = (a: unknown, b: unknown): number => asText(a).localeCompare(asText(b), "en");
