import type { components } from "../../src/upstreams/gitprotect/contract.gen.js";
import { planHolds } from "./plan-membership.js";
import type { GitProtectOrganization, GitProtectPlan, GitProtectRepository, World } from "../world/model.js";

type Schemas = components["schemas"];

/** The records GitProtect answers, derived from the world's state. */

const planRefs = (world: World, repository: GitProtectRepository) =>
  [...world.gitprotect.plans.values()]
    .filter((plan) => planHolds(world, plan, repository))
    .map((plan) => ({ id: plan.id, name: plan.name }));

export function organizationDto(world: World, organization: GitProtectOrganization): Schemas["Organization"] {
  const repositories = [...world.gitprotect.repositories.values()].filter(
    (r) => r.organizationId === organization.id,
  );
  const inPlans = (r: GitProtectRepository) => planRefs(world, r).length > 0;
  const live = repositories.filter((r) => !r.isRemoved);
  return {
    id: organization.id,
    driver: organization.driver,
    name: organization.name,
    apiUrl: organization.apiUrl,
    isReadOnly: organization.isReadOnly,
    protectedRepositories: live.filter((r) => r.isLicenceActive && inPlans(r)).length,
    totalRepositories: live.length,
    missingLicences: live.filter((r) => !r.isLicenceActive && inPlans(r)).length,
    removedRepositories: repositories.length - live.length,
    defaultWorkerId: organization.defaultWorkerId,
    isCreatedByMarketplace: organization.isCreatedByMarketplace,
    synchronizationInProgress: organization.synchronizationInProgress,
    plans: [...world.gitprotect.plans.values()]
      .filter((plan) => plan.organizationId === organization.id)
      .map((plan) => ({ id: plan.id, name: plan.name })),
  };
}

export function repositoryDto(world: World, repository: GitProtectRepository): Schemas["Repository"] {
  const { hosted: _hosted, ...record } = repository; // where it is hosted is the world's, not GitProtect's
  return { ...record, plans: planRefs(world, repository) };
}

export function planDto(plan: GitProtectPlan): Schemas["Plan"] {
  const { azure, encryptionSettings, ...common } = plan;
  // The encryption password is write-only: GitProtect never answers it.
  const { password: _password, ...encryption } = encryptionSettings;
  return {
    ...common,
    encryptionSettings: encryption,
    repositoriesIds: [...plan.repositoriesIds],
    ...(azure ?? {}),
  };
}
