import { rulesToAST } from '@casl/ability/extra';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Action, AppAbility, SubjectType } from './abilities';

/** How a CASL condition field maps to a SQL column (`array` = a text[] column). */
export interface ColumnSpec {
  column: string;
  array?: boolean;
}
export type ColumnMap = Record<string, ColumnSpec>;

interface AstNode {
  operator: string;
  field?: string;
  value: unknown;
}

export class UntranslatableRuleError extends Error {}

/**
 * The SQL condition equivalent to `ability.can(action, <row>)` for a whole table: the CASL rules
 * (incl. `cannot` rules) flattened by rulesToAST and translated to a WHERE expression. No rule →
 * FALSE. Unknown fields or operators throw (fail closed) rather than widen the result.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subjectType: SubjectType, columns: ColumnMap): RawBuilder<SqlBool> {
  const ast = rulesToAST(ability, action, subjectType) as AstNode | null;
  if (!ast) return sql<SqlBool>`FALSE`;
  return translate(ast, columns);
}

function translate(node: AstNode, columns: ColumnMap): RawBuilder<SqlBool> {
  switch (node.operator) {
    case 'and':
    case 'or': {
      const parts = (node.value as AstNode[]).map((child) => translate(child, columns));
      if (!parts.length) return node.operator === 'and' ? sql<SqlBool>`TRUE` : sql<SqlBool>`FALSE`;
      return sql<SqlBool>`(${sql.join(parts, node.operator === 'and' ? sql` AND ` : sql` OR `)})`;
    }
    case 'not': {
      const children = Array.isArray(node.value) ? (node.value as AstNode[]) : [node.value as AstNode];
      const inner = children.length === 1 ? translate(children[0], columns) : translate({ operator: 'and', value: children }, columns);
      return sql<SqlBool>`(NOT COALESCE(${inner}, FALSE))`;
    }
    default:
      return field(node, columns);
  }
}

function field(node: AstNode, columns: ColumnMap): RawBuilder<SqlBool> {
  const spec = node.field ? columns[node.field] : undefined;
  if (!spec) throw new UntranslatableRuleError(`no column for rule field ${String(node.field)}`);
  const ref = sql.ref(spec.column);
  const value = node.value;
  switch (node.operator) {
    case 'eq':
      if (value === null) return sql<SqlBool>`(${ref} IS NULL)`;
      return spec.array ? sql<SqlBool>`(${scalar(value)} = ANY(${ref}))` : sql<SqlBool>`(${ref} = ${scalar(value)})`;
    case 'ne':
      if (value === null) return sql<SqlBool>`(${ref} IS NOT NULL)`;
      return spec.array
        ? sql<SqlBool>`(NOT (${scalar(value)} = ANY(${ref})))`
        : sql<SqlBool>`(${ref} IS DISTINCT FROM ${scalar(value)})`;
    case 'in':
    case 'nin': {
      const list = (value as unknown[]).map(scalar);
      if (!list.length) return node.operator === 'in' ? sql<SqlBool>`FALSE` : sql<SqlBool>`TRUE`;
      const arr = sql`ARRAY[${sql.join(list.map((v) => sql`${v}`))}]::text[]`;
      const hit = spec.array ? sql<SqlBool>`(${ref} && ${arr})` : sql<SqlBool>`(${ref}::text = ANY(${arr}))`;
      return node.operator === 'in' ? hit : sql<SqlBool>`(NOT COALESCE(${hit}, FALSE))`;
    }
    case 'regex': {
      if (spec.array) throw new UntranslatableRuleError('regex on an array column');
      const source = value instanceof RegExp ? value.source : String(value);
      const prefix = literalPrefix(source);
      return sql<SqlBool>`(${ref} LIKE ${likeEscape(prefix) + '%'})`;
    }
    default:
      throw new UntranslatableRuleError(`unsupported operator ${node.operator}`);
  }
}

function scalar(value: unknown): string | number | boolean {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new UntranslatableRuleError(`unsupported value ${JSON.stringify(value)}`);
}

/** Only anchored literal prefixes (`^/99/991/`) are supported: that is what `under()` produces. */
function literalPrefix(source: string): string {
  if (!source.startsWith('^')) throw new UntranslatableRuleError(`regex must be an anchored prefix: ${source}`);
  let out = '';
  for (let i = 1; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      out += source[++i] ?? '';
    } else if (/[.*+?^${}()|[\]]/.test(ch)) {
      throw new UntranslatableRuleError(`regex must be a literal prefix: ${source}`);
    } else out += ch;
  }
  return out;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
