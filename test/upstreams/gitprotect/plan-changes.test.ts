import { describe, expect, it } from "vitest";
import { planModification, type PlanChanges } from "../../../src/upstreams/gitprotect/plan-changes.js";
import type { PlanDto } from "../../../src/upstreams/gitprotect/types.js";

const gitPlan: PlanDto = {
  id: "p-1",
  organizationId: "o-1",
  type: 1,
  name: "Nightly",
  isActive: true,
  backupType: 2,
  storageId: "s-1",
  workerId: "w-1",
  repositoriesIds: ["r-1", "r-2"],
  schedule: { frequency: "Weekly", startTime: "02:00", daysOfWeek: [1, 3], timeZone: "UTC" },
  advancedOptions: { retention: "30", keep: "weekly", threads: "4" },
  compressionSettings: { enabled: true, level: 6 },
  encryptionSettings: { enabled: true, algorithm: "AES256" },
  customActions: { beforeBackup: "echo before", afterBackup: "echo after" },
  includeMetadata: true,
  inculdeAllReposistories: false,
};

const azurePlan: PlanDto = {
  ...gitPlan,
  id: "p-2",
  type: 2,
  gitChoiceMode: 2,
  projectsIds: ["pr-1"],
  excludedRepositoriesIds: ["x-1"],
  wikisIds: ["wk-1"],
  notificationSettings: { onSuccess: false, onFailure: true, emails: ["ops@example.com"] },
  useExtraCredentials: true,
  additionalCredentials: ["c-1"],
  resourceKindsToIgnore: [3],
  rules: [{ elementType: "repository", mode: "exclude", pattern: "tmp-*" }],
};

/** Each settable field alone, and what it must change in the body (nothing else may change). */
const common: Array<[string, PlanChanges, Record<string, unknown>]> = [
  ["name", { name: "Hourly" }, { name: "Hourly" }],
  ["active", { active: false }, { isActive: false }],
  ["backupType", { backupType: "FULL" }, { backupType: 1 }],
  [
    "schedule.frequency",
    { schedule: { frequency: "DAILY", startTime: "02:00" } },
    { schedule: { ...gitPlan.schedule, frequency: "Daily" } },
  ],
  [
    "schedule.startTime",
    { schedule: { frequency: "WEEKLY", startTime: "23:30" } },
    { schedule: { ...gitPlan.schedule, startTime: "23:30" } },
  ],
  [
    "schedule.timeZone cleared",
    { schedule: { frequency: "WEEKLY", startTime: "02:00", timeZone: null } },
    { schedule: { frequency: "Weekly", startTime: "02:00", daysOfWeek: [1, 3] } },
  ],
  [
    "compression.enabled",
    { compression: { enabled: false } },
    { compressionSettings: { enabled: false, level: 6 } },
  ],
  [
    "compression.level",
    { compression: { enabled: true, level: 9 } },
    { compressionSettings: { enabled: true, level: 9 } },
  ],
  [
    "encryption.algorithm",
    { encryption: { enabled: true, algorithm: "AES128" } },
    { encryptionSettings: { enabled: true, algorithm: "AES128" } },
  ],
  [
    "encryption.password",
    { encryption: { enabled: true, password: "correct horse" } },
    { encryptionSettings: { enabled: true, algorithm: "AES256", password: "correct horse" } },
  ],
  [
    "customActions.beforeBackup",
    { customActions: { beforeBackup: "echo new" } },
    { customActions: { beforeBackup: "echo new", afterBackup: "echo after" } },
  ],
  [
    "customActions.afterBackup cleared",
    { customActions: { afterBackup: null } },
    { customActions: { beforeBackup: "echo before", afterBackup: null } },
  ],
  ["includeMetadata", { includeMetadata: false }, { includeMetadata: false }],
  ["storageId", { storageId: "s-2" }, { storageId: "s-2" }],
  ["workerId", { workerId: "w-2" }, { workerId: "w-2" }],
  [
    "advancedOptions: one set, one added, one removed, the others kept",
    {
      advancedOptions: [
        { key: "retention", value: "90" },
        { key: "verify", value: "true" },
        { key: "threads", value: null },
      ],
    },
    { advancedOptions: { retention: "90", keep: "weekly", verify: "true" } },
  ],
];

describe("a plan change merged into the whole plan", () => {
  it("sends the plan as it is when nothing changes, never a password, and each kind's own fields", () => {
    const git = planModification(gitPlan, {});
    expect(git.kind).toBe("git");
    expect(git.body).toMatchObject({
      id: "p-1",
      inculdeAllReposistories: false,
      repositoriesIds: ["r-1", "r-2"],
    });
    expect(git.body).not.toHaveProperty("projectsIds");
    const azure = planModification(azurePlan, {});
    expect(azure.kind).toBe("azure");
    expect(azure.body).not.toHaveProperty("inculdeAllReposistories");
    expect(azure.body).toMatchObject({ wikisIds: ["wk-1"], rules: azurePlan.rules, gitChoiceMode: 2 });
    for (const { body } of [git, azure]) expect(body.encryptionSettings).not.toHaveProperty("password");
  });

  for (const [kind, plan] of [
    ["Git", gitPlan],
    ["Azure DevOps", azurePlan],
  ] as const)
    it.each(common)(`${kind} plan: %s alone changes only that`, (_, changes, expected) => {
      const before = planModification(plan, {}).body;
      expect(planModification(plan, changes).body).toEqual({ ...before, ...expected });
    });

  it.each<[string, PlanChanges, Record<string, unknown>]>([
    ["choiceMode", { azureDevOps: { choiceMode: "ALL" } }, { gitChoiceMode: 1 }],
    ["projectIds", { azureDevOps: { projectIds: ["pr-2", "pr-3"] } }, { projectsIds: ["pr-2", "pr-3"] }],
    [
      "excludedRepositoryIds",
      { azureDevOps: { excludedRepositoryIds: [] } },
      { excludedRepositoriesIds: [] },
    ],
    ["wikiIds", { azureDevOps: { wikiIds: ["wk-2"] } }, { wikisIds: ["wk-2"] }],
    [
      "notifications.onSuccess",
      { azureDevOps: { notifications: { onSuccess: true } } },
      { notificationSettings: { onSuccess: true, onFailure: true, emails: ["ops@example.com"] } },
    ],
    [
      "notifications.emails",
      { azureDevOps: { notifications: { emails: [] } } },
      { notificationSettings: { onSuccess: false, onFailure: true, emails: [] } },
    ],
    ["useExtraCredentials", { azureDevOps: { useExtraCredentials: false } }, { useExtraCredentials: false }],
    [
      "additionalCredentialIds",
      { azureDevOps: { additionalCredentialIds: ["c-2", "c-3"] } },
      { additionalCredentials: ["c-2", "c-3"] },
    ],
    ["resourceKindsToIgnore", { azureDevOps: { resourceKindsToIgnore: [] } }, { resourceKindsToIgnore: [] }],
    [
      "rules",
      { azureDevOps: { rules: [{ elementType: "project", mode: "include", pattern: "Core*" }] } },
      { rules: [{ elementType: "project", mode: "include", pattern: "Core*" }] },
    ],
  ])("Azure DevOps plan: azureDevOps.%s alone changes only that", (_, changes, expected) => {
    const before = planModification(azurePlan, {}).body;
    expect(planModification(azurePlan, changes).body).toEqual({ ...before, ...expected });
  });

  it("Git plan: includeAllRepositories alone changes only that", () => {
    const before = planModification(gitPlan, {}).body;
    expect(planModification(gitPlan, { includeAllRepositories: true }).body).toEqual({
      ...before,
      inculdeAllReposistories: true,
    });
  });
});
