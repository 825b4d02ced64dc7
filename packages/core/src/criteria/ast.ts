/**
 * The criteria AST: plain JSON, so the API can return it and other packages can compile it.
 *
 * It is canonical: field names carry no `conversation.` prefix, operators use their short
 * spelling (`=lt=` becomes `<`), instants are normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`,
 * nested `and`/`or` of the same kind are flattened and a logic node always has ≥ 2 children.
 * So `parseCriteria(printCriteria(ast))` deep-equals `ast`.
 */
export const comparisonOperators = ['==', '!=', '<', '<=', '>', '>=', '=in=', '=out='] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

/** The operators whose argument is a list `(a,b)`; every other operator takes one value. */
export const listOperators: readonly ComparisonOperator[] = ['=in=', '=out='];

export interface CriteriaComparison {
  type: 'comparison';
  /** Canonical field: `status`, `tags`, `metadata.agentId`, … */
  field: string;
  operator: ComparisonOperator;
  /** Exactly one value, except for `=in=` / `=out=` (1 to 100 values, in the order written). */
  values: string[];
}

export interface CriteriaLogic {
  type: 'and' | 'or';
  /** At least two children, none of the same `type` as this node. */
  children: CriteriaAst[];
}

export type CriteriaAst = CriteriaComparison | CriteriaLogic;

/** Number of comparisons in a tree (what the 64-comparison limit counts). */
export const countComparisons = (ast: CriteriaAst): number =>
  ast.type === 'comparison' ? 1 : ast.children.reduce((sum, child) => sum + countComparisons(child), 0);

/**
 * Builds a canonical logic node: flattens children of the same kind and unwraps a single child.
 * The parser uses it, and so can code that assembles criteria programmatically.
 */
export const combineCriteria = (type: 'and' | 'or', children: CriteriaAst[]): CriteriaAst => {
  const flat: CriteriaAst[] = [];
  for (const child of children) {
    if (child.type === type) flat.push(...child.children);
    else flat.push(child);
  }
  if (flat.length === 1 && flat[0]) return flat[0];
  return { type, children: flat };
};
