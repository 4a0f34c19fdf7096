/** How big a world to build. The defaults make the small demo world; benchmarks raise them. */
export interface WorldParams {
  seed: number;
  /** GitProtect organizations; they take turns being Azure DevOps, SCM-Manager and GitHub ones. */
  organizations: number;
  /** Repositories GitProtect knows per organization. */
  repositoriesPerOrganization: number;
  /** Azure DevOps projects per Azure DevOps organization. */
  projectsPerOrganization: number;
  /** Hosted repositories that nothing backs up, per hosting organization. */
  unprotectedPerOrganization: number;
  /** Backup plans in all, spread over the organizations. */
  plans: number;
  /** Branches per hosted repository, main included. */
  branches: number;
  /** Commits per hosted repository. */
  commits: number;
  /** Lines of the largest file of each repository. */
  fileLines: number;
  /** Distinct git histories shared by all hosted repositories; 0 gives each its own. */
  sharedHistories: number;
}

export const demoWorld: WorldParams = {
  seed: 1,
  organizations: 3,
  repositoriesPerOrganization: 4,
  projectsPerOrganization: 2,
  unprotectedPerOrganization: 1,
  plans: 4,
  branches: 3,
  commits: 24,
  fileLines: 80,
  sharedHistories: 0,
};

const limits: Record<keyof WorldParams, [number, number]> = {
  seed: [0, 2 ** 31],
  organizations: [1, 1_000],
  repositoriesPerOrganization: [1, 100_000],
  projectsPerOrganization: [1, 1_000],
  unprotectedPerOrganization: [0, 10_000],
  plans: [0, 10_000],
  branches: [1, 500],
  commits: [2, 100_000],
  fileLines: [10, 1_000_000],
  sharedHistories: [0, 10_000],
};

export function worldParams(overrides: Partial<WorldParams> = {}): WorldParams {
  const params = { ...demoWorld, ...overrides };
  for (const [key, [min, max]] of Object.entries(limits) as Array<[keyof WorldParams, [number, number]]>) {
    const value = params[key];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`world parameter ${key} must be an integer between ${min} and ${max}, got ${value}`);
  }
  return params;
}
