import type { components } from "./contract.gen.js";

type Schemas = components["schemas"];

/** An upstream's codes and the gateway's names for them, read in both directions. */
function codec<Code extends string | number, Name extends string>(
  pairs: ReadonlyArray<readonly [Code, Name]>,
) {
  const names = new Map(pairs);
  const codes = new Map(pairs.map(([code, name]) => [name, code]));
  return {
    name: (code: Code) => names.get(code)!,
    /** The name of a code the gateway may not know (an upstream may add members): undefined then. */
    nameOf: (code: number | string): Name | undefined => names.get(code as Code),
    code: (name: Name) => codes.get(name)!,
  };
}

/** GitProtect's enum codes (numbers and capitalized words) and the gateway's names. */
export const provider = codec<Schemas["EGitDriver"], Provider>([
  [1, "GITHUB"],
  [2, "BITBUCKET"],
  [3, "GITLAB"],
  [4, "AZURE_DEVOPS"],
  [5, "GENERIC_GIT"],
]);
export const planType = codec<Schemas["EPlanType"], PlanType>([
  [1, "GIT"],
  [2, "AZURE_DEVOPS"],
]);
export const backupType = codec<Schemas["EBackupType"], BackupType>([
  [1, "FULL"],
  [2, "INCREMENTAL"],
  [3, "DIFFERENTIAL"],
]);
export const choiceMode = codec<Schemas["EGitChoiceMode"], ChoiceMode>([
  [1, "ALL"],
  [2, "INDIVIDUAL"],
  [3, "RULE_BASED"],
]);
export const frequency = codec<Schemas["BackupSchedule"]["frequency"], Frequency>([
  ["Hourly", "HOURLY"],
  ["Daily", "DAILY"],
  ["Weekly", "WEEKLY"],
  ["Monthly", "MONTHLY"],
]);
export const backupStatus = codec<Schemas["Repository"]["lastBackupStatus"], BackupStatus>([
  ["None", "NONE"],
  ["Success", "SUCCESS"],
  ["Warning", "WARNING"],
  ["Failed", "FAILED"],
]);

export type Provider = "GITHUB" | "BITBUCKET" | "GITLAB" | "AZURE_DEVOPS" | "GENERIC_GIT";
export type PlanType = "GIT" | "AZURE_DEVOPS";
export type BackupType = "FULL" | "INCREMENTAL" | "DIFFERENTIAL";
export type ChoiceMode = "ALL" | "INDIVIDUAL" | "RULE_BASED";
export type Frequency = "HOURLY" | "DAILY" | "WEEKLY" | "MONTHLY";
export type BackupStatus = "NONE" | "SUCCESS" | "WARNING" | "FAILED";
