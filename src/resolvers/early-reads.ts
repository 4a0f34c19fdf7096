import { getArgumentValues, getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import { below } from "../graphql/lookahead.js";
import type { RepositoryKey } from "../services/keys.js";
import type { RepositoryModel } from "../services/models.js";
import type { ServicesOf } from "../services/services.js";
import { Repository } from "./repository.js";

/** Fields whose SCM-Manager calls need the repository's id alone, which its node id carries. */
const idOnly = new Set(["branches", "defaultBranch", "changesets", "blame", "tags"]);

type FieldResolver = (
  model: RepositoryModel,
  args: Record<string, unknown>,
  context: ServicesOf,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * Starts, beside an SCM-Manager repository's own read, the reads of the fields asked of it that
 * need only its id: they answer in the same round instead of the one after. Each runs the field's
 * own resolver on the repository as its id names it, so its calls are the very ones the field will
 * make (its own read, not what it reads below), and the loaders hand the field the same promises.
 * What they answer is dropped: a repository that is not there is null, and a field with a wrong
 * argument says so when it runs. A field under a directive is left to run in its turn, since it
 * may not run at all.
 */
export function startEarlyReads(key: RepositoryKey, context: ServicesOf, info: GraphQLResolveInfo): void {
  if (key.host !== "scm") return;
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const model: RepositoryModel = {
    __typename: "Repository",
    key,
    hosted: { host: "scm", id: key.repositoryId, name: "", cloneUrl: null, cloneUrls: [] },
  };
  for (const node of below(info)) {
    const name = node.name.value;
    const field = type.getFields()[name];
    if (!idOnly.has(name) || !field || node.directives?.length) continue;
    const resolve = Repository[name as keyof typeof Repository] as unknown as FieldResolver;
    try {
      const args = getArgumentValues(field, node, info.variableValues);
      const fieldInfo = {
        ...info,
        fieldName: name,
        // The field's own read only: what it reads below (a page of branches' heads) waits for
        // the repository to be there.
        fieldNodes: [{ ...node, selectionSet: undefined }],
        returnType: field.type,
        parentType: type,
      };
      void Promise.resolve(resolve(model, args, context, fieldInfo)).catch(() => undefined);
    } catch {
      // A wrong argument: the field says so when it runs.
    }
  }
}
