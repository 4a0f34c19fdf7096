import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";

/** A validation rule refusing queries nested deeper than `maxDepth` fields (fragments included). */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions)
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number =>
      set
        ? Math.max(
            0,
            ...set.selections.map((selection) => {
              if (selection.kind === Kind.FIELD)
                return selection.selectionSet ? 1 + depth(selection.selectionSet, seen) : 1;
              if (selection.kind === Kind.INLINE_FRAGMENT) return depth(selection.selectionSet, seen);
              const name = selection.name.value;
              if (seen.has(name)) return 0;
              return depth(fragments.get(name)?.selectionSet, new Set([...seen, name]));
            }),
          )
        : 0;
    return {
      OperationDefinition(operation) {
        const found = depth(operation.selectionSet, new Set());
        if (found > maxDepth)
          context.reportError(
            new GraphQLError(`The query is ${found} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
            }),
          );
      },
    };
  };
}
