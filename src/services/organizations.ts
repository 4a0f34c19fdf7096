import type { Loaders } from "../loaders/create-loaders.js";
import type { OrganizationListing } from "../upstreams/gitprotect/listing-options.js";
import { configured } from "./errors.js";
import { toOrganization } from "./gitprotect-models.js";
import type { OrganizationModel } from "./models.js";
import { offsetPage, type Page, type Window } from "./page.js";

/** GitProtect's organizations. */
export class Organizations {
  constructor(private readonly loaders: Loaders) {}

  /** Throws at once, before any call starts, when GitProtect is not configured (so do the others). */
  page(window: Window, listing?: OrganizationListing): Promise<Page<OrganizationModel>> {
    return this.gitprotect()
      .organizationsPage.load({ ...window, listing })
      .then((page) => offsetPage(page.items.map(toOrganization), window, page.total));
  }

  byId(id: string): Promise<OrganizationModel | null> {
    return this.gitprotect()
      .organization.load(id)
      .then((dto) => dto && toOrganization(dto));
  }

  private gitprotect() {
    return configured(this.loaders.gitprotect, "GitProtect");
  }
}
