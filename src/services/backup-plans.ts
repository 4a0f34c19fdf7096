import type { Loaders } from "../loaders/create-loaders.js";
import { configured } from "./errors.js";
import { toPlan } from "./gitprotect-models.js";
import type { BackupPlanModel, BackupPlanSettingsModel } from "./models.js";
import { offsetPage, type Page, type Window } from "./page.js";

/** GitProtect's backup plans, listed per organization. */
export class BackupPlans {
  constructor(private readonly loaders: Loaders) {}

  async ofOrganization(organizationId: string, window: Window): Promise<Page<BackupPlanModel> | null> {
    const page = await this.gitprotect().plansPage.load({ organizationId, ...window });
    if (!page) return null;
    return offsetPage(
      page.items.map((plan) => toPlan(organizationId, plan)),
      window,
      page.total,
    );
  }

  /** Throws at once, before any call starts, when GitProtect is not configured. */
  byId(organizationId: string, id: string): Promise<BackupPlanModel | null> {
    return this.gitprotect()
      .plan.load({ organizationId, id })
      .then((plan) => plan && toPlan(organizationId, plan));
  }

  /** The whole plan: known already when it came from a plan listing, else one listing of its organization. */
  async settings(model: BackupPlanModel): Promise<BackupPlanSettingsModel | null> {
    return model.settings ?? (await this.byId(model.organizationId, model.id))?.settings ?? null;
  }

  private gitprotect() {
    return configured(this.loaders.gitprotect, "GitProtect");
  }
}
