import type { components } from "../../src/upstreams/gitprotect/contract.gen.js";
import { planMembership, type PlanMembership } from "./plan-membership.js";
import type { GitProtectOrganization, GitProtectPlan, GitProtectRepository, World } from "../world/model.js";

type Schemas = components["schemas"];

/** The records GitProtect answers, derived from the world's state. */

export function organizationDto(
  world: World,
  organization: GitProtectOrganization,
  membership: PlanMembership = planMembership(world),
): Schemas["Organization"] {
  const repositories = [...world.gitprotect.repositories.values()].filter(
    (r) => r.organizationId === organization.id,
  );
  const live = repositories.filter((r) => !r.isRemoved);
  const inPlans = live.filter((r) => membership.plansOf(r).length > 0);
  return {
    id: organization.id,
    driver: organization.driver,
    name: organization.name,
    apiUrl: organization.apiUrl,
    isReadOnly: organization.isReadOnly,
    protectedRepositories: inPlans.filter((r) => r.isLicenceActive).length,
    totalRepositories: live.length,
    missingLicences: inPlans.filter((r) => !r.isLicenceActive).length,
    removedRepositories: repositories.length - live.length,
    defaultWorkerId: organization.defaultWorkerId,
    isCreatedByMarketplace: organization.isCreatedByMarketplace,
    synchronizationInProgress: organization.synchronizationInProgress,
    plans: [...world.gitprotect.plans.values()]
      .filter((plan) => plan.organizationId === organization.id)
      .map((plan) => ({ id: plan.id, name: plan.name })),
  };
}

export function repositoryDto(
  world: World,
  repository: GitProtectRepository,
  membership: PlanMembership = planMembership(world),
): Schemas["Repository"] {
  const { hosted: _hosted, ...record } = repository; // where it is hosted is the world's, not GitProtect's
  const plans = membership.plansOf(repository).map((plan) => ({ id: plan.id, name: plan.name }));
  return { ...record, plans };
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
