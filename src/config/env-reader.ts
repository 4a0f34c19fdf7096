export type Env = Record<string, string | undefined>;

/** Reads variables, collecting every problem so that all are reported at once. */
export class EnvReader {
  readonly problems: string[] = [];
  /** Each variable read, with its default as `--help` shows it. */
  readonly defaults = new Map<string, string>();

  constructor(private readonly env: Env) {}

  text(name: string): string | undefined;
  text(name: string, fallback: string): string;
  text(name: string, fallback?: string): string | undefined {
    if (!this.defaults.has(name)) this.defaults.set(name, fallback ?? "");
    const value = this.env[name]?.trim();
    return value ? value : fallback;
  }

  /** A setting no longer read: set, it is a problem saying what replaced it, never ignored in silence. */
  retired(name: string, replacement: string): void {
    if (this.env[name]?.trim()) this.problems.push(`${name} is no longer read: ${replacement}`);
  }

  url(name: string): string | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error();
      if (parsed.username || parsed.password) {
        this.problems.push(`${name} must not carry credentials; use the dedicated variables`);
        return undefined;
      }
      return value.replace(/\/+$/, "");
    } catch {
      this.problems.push(`${name} must be an http(s) URL, got "${value}"`);
      return undefined;
    }
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name, String(fallback));
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be an integer between ${min} and ${max}, got "${value}"`);
      return fallback;
    }
    return parsed;
  }

  /** on/off (or true/false, 1/0); `fallback` when unset. */
  flag(name: string, fallback: boolean): boolean {
    const value = this.text(name, fallback ? "on" : "off").toLowerCase();
    if (["on", "true", "1"].includes(value)) return true;
    if (["off", "false", "0"].includes(value)) return false;
    this.problems.push(`${name} must be on or off, got "${value}"`);
    return fallback;
  }

  requireTogether(names: string[]): void {
    const given = names.filter((n) => this.text(n) !== undefined);
    if (given.length > 0 && given.length < names.length)
      this.problems.push(
        `${names.join(" and ")} go together; ${names.filter((n) => !given.includes(n)).join(", ")} is missing`,
      );
  }

  orphans(urlName: string, names: string[]): void {
    if (this.text(urlName) === undefined)
      for (const n of names)
        if (this.text(n) !== undefined) this.problems.push(`${n} is set but ${urlName} is not`);
  }
}
