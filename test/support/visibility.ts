import { canRead } from "../../simulators/scm-manager/scm-access.js";
import type { World } from "../../simulators/world/model.js";

/** The names of the SCM-Manager repositories a user may see, sorted: what a correct answer lists. */
export function scmRepositoriesVisibleTo(world: World, user: string): string[] {
  const account = world.scm.users.get(user)!;
  return [...world.scm.repositories.values()]
    .filter((r) => canRead(r, account))
    .map((r) => r.name)
    .sort();
}
