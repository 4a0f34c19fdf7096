import { settingDefaults } from "./config.js";
import { settings } from "./settings.js";

/** `--help`: every setting, its default (and its production default where that differs), what it does. */
export function helpText(): string {
  const development = settingDefaults({});
  const production = settingDefaults({ NODE_ENV: "production" });
  const shown = (name: string) => {
    const [dev, prod] = [development.get(name) ?? "", production.get(name) ?? ""];
    return dev === prod ? dev : `${dev} (${prod} in prod.)`;
  };
  const lines = [
    "GraphQL gateway over GitProtect, Azure DevOps Server and SCM-Manager.",
    "",
    "  node dist/main.js   the gateway, configured by the environment variables below",
    "  npm start           the same; with no upstream configured, over the built-in demo upstreams",
    "",
    "Settings (environment variables), with their defaults:",
  ];
  for (const [group, names] of Object.entries(settings)) {
    lines.push("", `${group}:`);
    for (const [name, meaning] of Object.entries(names))
      lines.push(`  ${name.padEnd(30)}${shown(name).padEnd(20)}${meaning}`);
  }
  return lines.join("\n");
}
