import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * Looking ahead in the query lets a resolver start a listing the levels below will need, in
 * parallel with its own call, instead of one round later.
 */

/** Whether a selection runs, by its `@skip` and `@include` and the request's variables. */
function runs(selection: SelectionNode, info: GraphQLResolveInfo): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.if !== false;
}

/** The fields a selection set runs, through fragments; what `@skip` or `@include` leaves out is not there. */
function fields(set: SelectionSetNode | undefined, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  return set.selections.flatMap((selection) => {
    if (!runs(selection, info)) return [];
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return fields(selection.selectionSet, info);
    return fields(info.fragments[selection.name.value]?.selectionSet, info);
  });
}

/** The fields the field's own selection asks for, through fragments. */
export function below(info: GraphQLResolveInfo): FieldNode[] {
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

/** True when the nodes of a connection (`nodes`, or `edges { node }`) ask for a field that passes `test`. */
function nodesAsk(
  connection: FieldNode[],
  info: GraphQLResolveInfo,
  test: (field: FieldNode) => boolean,
): boolean {
  return connection.some((field) => {
    const children = fields(field.selectionSet, info);
    if (field.name.value === "edges") return nodesAsk(children, info, test);
    if (field.name.value === "nodes" || field.name.value === "node") return children.some(test);
    return false;
  });
}

/** True when a connection of repositories asks its nodes for more than GitProtect's own record. */
const asksHosted = (connection: FieldNode[], info: GraphQLResolveInfo): boolean =>
  nodesAsk(connection, info, (field) => !gitprotectOnly.has(field.name.value));

/**
 * True when this connection's nodes ask for `name` (and no `@skip` or `@include` leaves it out), so
 * that reading it ahead never costs a call the query would not have made.
 */
export const nodesSelect = (info: GraphQLResolveInfo, name: string): boolean =>
  nodesAsk(below(info), info, (field) => field.name.value === name);

/**
 * True when this list of GitProtect repositories asks for more than GitProtect's own record: their
 * ids and hosted fields need the hosts' listings to join by clone URL.
 */
export const repositoriesNeedJoin = (info: GraphQLResolveInfo): boolean => asksHosted(below(info), info);

/** True when somewhere below, a list of GitProtect repositories needs the join. */
export function needsHostedJoin(info: GraphQLResolveInfo): boolean {
  const visit = (nodes: FieldNode[]): boolean =>
    nodes.some((field) => {
      const children = fields(field.selectionSet, info);
      return (field.name.value === "repositories" && asksHosted(children, info)) || visit(children);
    });
  return visit(below(info));
}

/** True when `backup` (GitProtect's view) is asked for somewhere below. */
export function needsBackups(info: GraphQLResolveInfo): boolean {
  const visit = (nodes: FieldNode[]): boolean =>
    nodes.some((f) => f.name.value === "backup" || visit(fields(f.selectionSet, info)));
  return visit(below(info));
}
