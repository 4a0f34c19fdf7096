import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * Looking ahead in the query lets a resolver start a listing the levels below will need, in
 * parallel with its own call, instead of one round later.
 */

function fields(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fields(selection.selectionSet, info);
    return fields(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

function below(info: GraphQLResolveInfo): FieldNode[] {
  return info.fieldNodes.flatMap((node) => fields(node.selectionSet, info));
}

/** True when the field's own selection asks for `name` directly. */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return below(info).some((f) => f.name.value === name);
}

/** True when tree entries' last changes are shown: finding them costs SCM-Manager a log walk each. */
export const showsLastChange = (info: GraphQLResolveInfo): boolean =>
  selectsField(info, "lastModifiedAt") || selectsField(info, "lastMessage");

const gitprotectOnly = new Set(["backup", "__typename"]);

/**
 * True when somewhere below, a list of GitProtect repositories asks for more than GitProtect's
 * own record: their ids and hosted fields need the hosts' listings to join by clone URL.
 */
export function needsHostedJoin(info: GraphQLResolveInfo): boolean {
  const visit = (nodes: FieldNode[], underRepositories: boolean): boolean =>
    nodes.some((field) => {
      const name = field.name.value;
      const children = fields(field.selectionSet, info);
      if (underRepositories && (name === "nodes" || name === "node" || name === "edges"))
        return name === "edges"
          ? visit(children, true)
          : children.some((c) => !gitprotectOnly.has(c.name.value));
      return visit(children, name === "repositories");
    });
  return visit(below(info), false);
}

/** True when `backup` (GitProtect's view) is asked for somewhere below. */
export function needsBackups(info: GraphQLResolveInfo): boolean {
  const visit = (nodes: FieldNode[]): boolean =>
    nodes.some((f) => f.name.value === "backup" || visit(fields(f.selectionSet, info)));
  return visit(below(info));
}
