import type { Loaders } from "../loaders/create-loaders.js";
import { configured } from "./errors.js";
import { toOrganization } from "./gitprotect-models.js";
import type { OrganizationModel } from "./models.js";
import { offsetPage, type Page, type Window } from "./page.js";

/** GitProtect's organizations. */
export class Organizations {
  constructor(private readonly loaders: Loaders) {}

  async page(window: Window): Promise<Page<OrganizationModel>> {
    const page = await this.gitprotect().organizationsPage.load(window);
    return offsetPage(page.items.map(toOrganization), window, page.total);
  }

  async byId(id: string): Promise<OrganizationModel | null> {
    const dto = await this.gitprotect().organization.load(id);
    return dto && toOrganization(dto);
  }

  private gitprotect() {
    return configured(this.loaders.gitprotect, "GitProtect");
  }
}
