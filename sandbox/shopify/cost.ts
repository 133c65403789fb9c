import {
  Kind, getArgumentValues, getNamedType, getNullableType, isLeafType, isListType, isObjectType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

// Calculated query cost, modelled on Shopify's published rules and kept simple and monotonic:
//   scalar / enum field ............ 0
//   object field ................... 1 + cost of its selection
//   connection (type *Connection) .. 2 + first × (1 + cost of the node selection); pageInfo is free
//   list of objects ................ (first ?? 1) × (1 + cost of the element selection)
//   mutation root field ............ 10 (its payload selection is not charged)
//   fragments on abstract types .... the most expensive branch
// The requested cost is computed from arguments before execution and must be available in the
// bucket; the actual cost walks the returned data the same way (real page and list sizes), and
// the difference is given back to the bucket, as Shopify does.

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** false: cost from arguments (requested); true: cost from the returned data (actual) */
  actual: boolean;
}

type Data = Record<string, unknown> | null | undefined;

function selectionCost(walk: Walk, type: GraphQLNamedType, set: SelectionSetNode | undefined, value: Data): number {
  if (!set) return 0;
  let sum = 0;
  let branch = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!isObjectType(type) && !('getFields' in type)) continue;
      const def = (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[selection.name.value];
      if (!def) continue;
      const key = selection.alias?.value ?? selection.name.value;
      sum += fieldCost(walk, def, selection, walk.actual ? (value?.[key] as unknown) : undefined);
    } else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
      if (!condition) continue;
      const cost = selectionCost(walk, condition, fragment.selectionSet, value);
      if (isObjectType(type)) sum += cost;
      else branch = Math.max(branch, cost);
    }
  }
  return sum + branch;
}

function objectCost(walk: Walk, type: GraphQLNamedType, node: FieldNode | undefined, value: unknown): number {
  if (walk.actual && (value === null || value === undefined)) return 0;
  return 1 + selectionCost(walk, type, node?.selectionSet, value as Data);
}

function fieldCost(walk: Walk, def: GraphQLField<unknown, unknown>, node: FieldNode, value: unknown): number {
  const named = getNamedType(def.type);
  if (isLeafType(named)) return 0;
  const args = getArgumentValues(def, node, walk.variables);
  const first = typeof args.first === 'number' ? args.first : null;
  if (named.name.endsWith('Connection') && isObjectType(named)) return 2 + connectionNodesCost(walk, named, node, first ?? 0, value as Data);
  if (isListType(getNullableType(def.type))) {
    if (walk.actual) return Array.isArray(value) ? value.reduce((s: number, v) => s + objectCost(walk, named, node, v), 0) : 0;
    return (first ?? 1) * objectCost(walk, named, node, undefined);
  }
  return objectCost(walk, named, node, value);
}

/** Cost of the nodes of a connection, whether selected through `edges { node }` or `nodes`. */
function connectionNodesCost(walk: Walk, type: GraphQLNamedType, node: FieldNode, first: number, value: Data): number {
  const fields = isObjectType(type) ? type.getFields() : {};
  const nodeType = fields.nodes ? getNamedType(fields.nodes.type) : null;
  if (!nodeType) return 0;
  let sum = 0;
  for (const selection of node.selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === 'nodes') {
      if (walk.actual) sum += ((value?.[key] as unknown[] | undefined) ?? []).reduce((s: number, v) => s + objectCost(walk, nodeType, selection, v), 0);
      else sum += first * objectCost(walk, nodeType, selection, undefined);
    } else if (selection.name.value === 'edges') {
      const inner = selection.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'node');
      if (!inner) continue;
      const innerKey = inner.alias?.value ?? 'node';
      if (walk.actual) sum += ((value?.[key] as Data[] | undefined) ?? []).reduce((s: number, edge) => s + objectCost(walk, nodeType, inner, edge?.[innerKey]), 0);
      else sum += first * objectCost(walk, nodeType, inner, undefined);
    }
  }
  return sum;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function queryCost(input: CostInput, data?: Record<string, unknown> | null): number {
  const walk: Walk = { schema: input.schema, variables: input.variables, fragments: input.fragments, actual: data !== undefined };
  if (input.operation.operation === 'mutation') {
    return input.operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__')).length * 10;
  }
  const root = input.schema.getQueryType();
  if (!root) return 0;
  return selectionCost(walk, root, input.operation.selectionSet, data ?? undefined);
}
