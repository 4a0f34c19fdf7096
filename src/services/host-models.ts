import type {
  AzureCommitDto,
  AzureCommitRefDto,
  AzureRepositoryDto,
} from "../upstreams/azure-devops/types.js";
import { branchName } from "../upstreams/azure-devops/refs.js";
import { scmVersion } from "../upstreams/scm-manager/repository-version.js";
import type { ScmChangesetDto, ScmRepositoryDto } from "../upstreams/scm-manager/types.js";
import { hostedCloneUrls } from "./clone-urls.js";
import type { HostKey } from "./keys.js";
import type { AzureDevOpsProjectModel, ChangesetModel, HostedRepositoryModel } from "./models.js";

/** The hosts' records in the gateway's terms. */

export function fromAzureRepository(dto: AzureRepositoryDto): HostedRepositoryModel {
  return {
    host: "azure",
    id: dto.id,
    name: dto.name,
    cloneUrl: dto.remoteUrl,
    cloneUrls: hostedCloneUrls({ host: "azure", dto }),
    defaultBranch: dto.defaultBranch ? branchName(dto.defaultBranch) : null,
    azureDevOps: {
      azureId: dto.id,
      project: toProject(dto.project),
      remoteUrl: dto.remoteUrl,
      sshUrl: dto.sshUrl ?? null,
      webUrl: dto.webUrl ?? null,
      size: dto.size ?? null,
    },
  };
}

export const toProject = (project: AzureRepositoryDto["project"]): AzureDevOpsProjectModel => ({
  __typename: "AzureDevOpsProject",
  id: project.id,
  name: project.name,
  state: project.state,
});

export function fromScmRepository(dto: ScmRepositoryDto): HostedRepositoryModel {
  return {
    host: "scm",
    id: dto.id,
    name: dto.name,
    cloneUrl: dto.url ?? null,
    cloneUrls: hostedCloneUrls({ host: "scm", dto }),
    scmManager: {
      scmId: dto.id,
      version: scmVersion(dto),
      type: dto.type,
      contact: dto.contact ?? null,
      description: dto.description ?? null,
      public: dto.public,
      archived: dto.archived,
      createdAt: dto.creationDate ?? null,
      lastModifiedAt: dto.lastModified ?? null,
      permissions:
        dto.permissions?.map((p) => ({ name: p.name, type: p.type, group: p.groupPermission })) ?? null,
      properties: dto.properties?.map((p) => ({ key: p.key, value: p.value ?? null })) ?? null,
      healthCheckFailures: dto.healthCheckFailures ?? null,
    },
  };
}

export const fromScmChangeset = (repository: HostKey, dto: ScmChangesetDto): ChangesetModel => ({
  __typename: "Changeset",
  repository,
  revision: dto.id,
  message: dto.description,
  author: { name: dto.author.name, email: dto.author.mail ?? null },
  committer: null,
  date: dto.date,
  parents: dto.parents,
  modifications: dto.modifications,
});

export const fromAzureCommit = (
  repository: HostKey,
  dto: AzureCommitRefDto | AzureCommitDto,
): ChangesetModel => ({
  __typename: "Changeset",
  repository,
  revision: dto.commitId,
  message: dto.comment,
  author: { name: dto.author.name, email: dto.author.email },
  committer: { name: dto.committer.name, email: dto.committer.email },
  date: Date.parse(dto.author.date),
  ...("parents" in dto ? { parents: dto.parents } : {}),
  ...(dto.commentTruncated ? { messageTruncated: true } : {}),
});
