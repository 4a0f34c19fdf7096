import type { GitProtectPlan, GitProtectRepository, World } from "../world/model.js";

export interface PlanMembership {
  /** The plans that back up `repository`. */
  plansOf(repository: GitProtectRepository): GitProtectPlan[];
  holds(plan: GitProtectPlan, repository: GitProtectRepository): boolean;
}

/**
 * Whether a plan backs up a repository, as GitProtect decides it: by the plan's list, or for its
 * organization's repositories by rule: all of them, an Azure DevOps plan's projects, or its
 * name patterns (`*` any run of characters), less what it excludes. Made once per answer: each
 * plan's list is read into a set once, not once per repository a listing asks about.
 */
export function planMembership(world: World): PlanMembership {
  const plans = [...world.gitprotect.plans.values()];
  const listed = new Map(plans.map((plan) => [plan, new Set(plan.repositoriesIds)]));
  const holds = (plan: GitProtectPlan, repository: GitProtectRepository) =>
    listed.get(plan)!.has(repository.id) || byRule(world, plan, repository);
  return { holds, plansOf: (repository) => plans.filter((plan) => holds(plan, repository)) };
}

function byRule(world: World, plan: GitProtectPlan, repository: GitProtectRepository): boolean {
  if (plan.organizationId !== repository.organizationId || repository.isRemoved) return false;
  if (plan.inculdeAllReposistories) return true;
  const azure = plan.azure;
  if (!azure || azure.excludedRepositoriesIds.includes(repository.id)) return false;
  const project = projectOf(world, repository);
  switch (azure.gitChoiceMode) {
    case 1:
      return true;
    case 2:
      return project !== undefined && azure.projectsIds.includes(project.id);
    case 3:
      return byRules(azure.rules, repository.name, project?.name);
  }
}

function projectOf(world: World, repository: GitProtectRepository) {
  if (repository.hosted?.host !== "azure") return undefined;
  const hosted = world.azure.repositories.get(repository.hosted.id);
  return hosted && world.azure.projects.get(hosted.projectId);
}

/** Included by some rule and excluded by none; rules name repositories or their projects. */
function byRules(
  rules: NonNullable<GitProtectPlan["azure"]>["rules"],
  name: string,
  project?: string,
): boolean {
  const matching = rules.filter((rule) => {
    const subject =
      rule.elementType === "project" ? project : rule.elementType === "repository" ? name : undefined;
    return subject !== undefined && glob(rule.pattern).test(subject);
  });
  return matching.some((r) => r.mode === "include") && !matching.some((r) => r.mode === "exclude");
}

/** Each pattern compiled once: a listing of organizations asks every plan of every repository. */
const globs = new Map<string, RegExp>();
const glob = (pattern: string) => {
  let compiled = globs.get(pattern);
  if (!compiled) {
    // Patterns come from clients' plans: forgotten all at once past a bound, not kept forever.
    if (globs.size >= 1_000) globs.clear();
    globs.set(pattern, (compiled = globOf(pattern)));
  }
  return compiled;
};

const globOf = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
    "i",
  );
