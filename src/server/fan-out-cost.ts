import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  OperationTypeNode,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Items a list without a page size is guessed to hold (blame lines, tree entries, parents). */
const unpagedList = 10;

/** How many items a field stands for: its page size, its number of ids, or a guess for other lists. */
function sizeOf(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  paged: boolean,
  variables: Record<string, unknown>,
): number {
  const argument = (name: string) => {
    const definition = field.args.find((a) => a.name === name);
    const given = node.arguments?.find((a) => a.name.value === name);
    if (!definition) return undefined;
    return given ? valueFromAST(given.value, definition.type, variables) : definition.defaultValue;
  };
  const first = argument("first");
  if (typeof first === "number") return Math.max(first, 1);
  const ids = argument("ids");
  if (Array.isArray(ids)) return Math.max(ids.length, 1);
  return isListType(getNullableType(field.type)) && !paged ? unpagedList : 1;
}

/**
 * The calls one field may make: one for a field that takes arguments or lists something (a page,
 * a lookup, a listing), one per id for `ids`; none for the items of a page it belongs to or for a
 * plain object field, which come with their parent's record or batched with their siblings'.
 */
function callsOf(field: GraphQLField<unknown, unknown>, size: number, paged: boolean): number {
  if (field.args.some((a) => a.name === "ids")) return size;
  if (field.args.length > 0) return 1;
  return isListType(getNullableType(field.type)) && !paged ? 1 : 0;
}

/**
 * An estimate of the upstream calls a query may cause, made before it runs: what each field may
 * call (see callsOf), times the page sizes (`first`, or the number of `ids`) of the lists it sits in. graphql-armor's cost rule ignores page sizes, and page sizes are what multiply a
 * gateway's calls. Each fragment is costed once per context, so the estimate is linear in the
 * document's size whatever its fragments spread.
 */
export function fanOutCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, number>();

  /** The cost of a selection set at a multiplier of one; `paged`: its parent was a page (edges, nodes). */
  const costOf = (set: SelectionSetNode | undefined, type: GraphQLNamedType, paged: boolean): number => {
    if (!set || !(isObjectType(type) || isInterfaceType(type))) return 0;
    const fields = type.getFields();
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += on ? costOf(selection.selectionSet, on, paged) : 0;
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        total += spreadCost(selection.name.value, paged);
      } else {
        const field = fields[selection.name.value];
        if (!field) continue; // __typename and introspection: no upstream call
        const named = getNamedType(field.type);
        if (isLeafType(named)) continue;
        const size = sizeOf(selection, field, paged, variables);
        const hasPage = field.args.some((a) => a.name === "first");
        total += callsOf(field, size, paged) + size * costOf(selection.selectionSet, named, hasPage);
      }
    }
    return total;
  };

  const spreadCost = (name: string, paged: boolean): number => {
    const key = `${name}\u0000${paged}`;
    if (!memo.has(key)) {
      memo.set(key, 0); // a cycle is refused by graphql-js's own rules before this runs
      const fragment = fragments.get(name);
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      memo.set(key, fragment && type ? costOf(fragment.selectionSet, type, paged) : 0);
    }
    return memo.get(key)!;
  };

  const root =
    operation.operation === OperationTypeNode.MUTATION ? schema.getMutationType() : schema.getQueryType();
  return root ? costOf(operation.selectionSet, root, false) : 0;
}

export const tooCostly = (cost: number, max: number) =>
  new GraphQLError(
    `The query may cost about ${Math.round(cost)} upstream calls; at most ${max} are allowed. Ask for smaller pages or fewer fields.`,
    {
      extensions: { code: "QUERY_TOO_COMPLEX", cost: Math.round(cost), maxCost: max, http: { status: 400 } },
    },
  );
