import type { ScmRepository, ScmUser } from "../world/model.js";

/** SCM-Manager's repository permissions: who may see a repository, and who owns it. */

const grants = (repo: ScmRepository, user: ScmUser) =>
  repo.permissions.filter((p) => (p.groupPermission ? user.groups.includes(p.name) : p.name === user.name));

export const canRead = (repo: ScmRepository, user: ScmUser) =>
  user.admin || repo.public || grants(repo, user).length > 0;

export const isOwner = (repo: ScmRepository, user: ScmUser) =>
  user.admin || grants(repo, user).some((p) => p.type === "OWNER");
