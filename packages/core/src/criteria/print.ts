import { type CriteriaAst, type CriteriaComparison, listOperators } from './ast';
import { isReservedChar } from './lexer';

/**
 * The canonical printer: `;` for and, `,` for or, parentheses only where an `or` sits inside an
 * `and`, short operators, lists for `=in=` / `=out=` always. For any AST `parseCriteria`
 * returns, `parseCriteria(printCriteria(ast))` deep-equals it.
 */
export const printCriteria = (ast: CriteriaAst): string => {
  if (ast.type === 'comparison') return printComparison(ast);
  if (ast.type === 'or') return ast.children.map(printCriteria).join(',');
  return ast.children
    .map((child) => (child.type === 'or' ? `(${printCriteria(child)})` : printCriteria(child)))
    .join(';');
};

const printComparison = ({ field, operator, values }: CriteriaComparison): string =>
  listOperators.includes(operator)
    ? `${field}${operator}(${values.map(printCriteriaValue).join(',')})`
    : `${field}${operator}${printCriteriaValue(values[0] ?? '')}`;

/** Unquoted when the lexer reads it back as the same single word; `and`/`or` are quoted for other RSQL readers. */
export const printCriteriaValue = (value: string): string => {
  let plain = value !== '' && value !== 'and' && value !== 'or';
  for (let i = 0; plain && i < value.length; i++) plain = !isReservedChar(value.charCodeAt(i));
  return plain ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
};
