import { json, ReplyError, type Reply } from "../http/reply.js";

/** The error body Azure DevOps Server answers, with its TF codes. */
export function azureError(status: number, message: string, typeKey: string): Reply {
  return json(status, {
    $id: "1",
    innerException: null,
    message,
    typeName: `Microsoft.TeamFoundation.${typeKey}, Microsoft.TeamFoundation.Server.Core`,
    typeKey,
    errorCode: 0,
    eventId: 3000,
  });
}

export const azureFail = (status: number, message: string, typeKey: string): never => {
  throw new ReplyError(azureError(status, message, typeKey));
};

export const repositoryNotFound = (id: string): never =>
  azureFail(
    404,
    `TF401019: The Git repository with name or identifier ${id} does not exist or you do not have permissions for the operation you are attempting.`,
    "GitRepositoryNotFoundException",
  );

export const projectNotFound = (name: string): never =>
  azureFail(
    404,
    `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    "ProjectDoesNotExistWithNameException",
  );

export const versionNotFound = (version: string): never =>
  azureFail(
    404,
    `TF401175: The version descriptor <${version}> could not be resolved to a version in the repository.`,
    "GitUnresolvableToCommitException",
  );
