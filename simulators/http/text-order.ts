/**
 * The order a Java server's listing sorts a field in, for the simulators: its value as text
 * (a non-string as its JSON), English collation. One collator for every comparison, as
 * `localeCompare(other, "en")` builds one per call: sorting SCM-Manager's five hundred
 * repositories that way held the simulators' one thread for milliseconds, and every call that
 * reached another simulator meanwhile was read that much later.
 */
const collator = new Intl.Collator("en");

const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value ?? ""));

export const compareAsText = (a: unknown, b: unknown): number => collator.compare(asText(a), asText(b));
