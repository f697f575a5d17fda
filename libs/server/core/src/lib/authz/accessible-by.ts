import type { AppAbility, Action, SubjectName } from '@convergence/shared/domain';
import { rulesToAST } from '@casl/ability/extra';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';

/**
 * Restricts a list query to the rows the ability grants, by translating the very CASL rules that
 * check single rows into SQL (one source of truth, ARCHITECTURE.md §3). No rule: no row.
 *
 * Rules may only use the operators below on columns of the query's main entity; anything else is a
 * programming error and throws, rather than silently widening access.
 */
export function accessibleBy<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  ability: AppAbility,
  action: Action,
  subject: Exclude<SubjectName, 'all'>,
): SelectQueryBuilder<T> {
  const condition = rulesToAST(ability, action, subject);
  if (condition === null) return query.andWhere('FALSE');
  const translator = new ConditionTranslator(query);
  return query.andWhere(new Brackets((where) => translator.into(where, condition)));
}

type Parameters = Record<string, unknown>;

/** The condition tree CASL builds from the rules (ucast's AST). */
type Condition = NonNullable<ReturnType<typeof rulesToAST>>;
interface CompoundCondition {
  operator: string;
  value: Condition[];
}
interface FieldCondition {
  operator: string;
  field: string;
  value: unknown;
}

/**
 * Parameter names are unique per process, not per call: TypeORM keeps one parameter map per query
 * (subqueries and brackets included), so two filters on one query must never reuse a name.
 */
let nextParameter = 0;

class ConditionTranslator<T extends ObjectLiteral> {
  constructor(private readonly query: SelectQueryBuilder<T>) {}

  into(where: WhereExpressionBuilder, condition: Condition): void {
    const [sql, parameters] = this.sql(condition);
    where.where(sql, parameters);
  }

  private sql(condition: Condition): [string, Parameters] {
    if ('field' in condition) return this.field(condition as FieldCondition);
    return this.compound(condition as CompoundCondition);
  }

  private compound(condition: CompoundCondition): [string, Parameters] {
    const parts = condition.value.map((child) => this.sql(child));
    const parameters = Object.assign({}, ...parts.map(([, p]) => p)) as Parameters;
    const sqls = parts.map(([sql]) => `(${sql})`);
    switch (condition.operator) {
      case 'and':
        return [sqls.length ? sqls.join(' AND ') : 'TRUE', parameters];
      case 'or':
        return [sqls.length ? sqls.join(' OR ') : 'FALSE', parameters];
      case 'not':
        return [`NOT (${sqls.join(' AND ')})`, parameters];
      default:
        throw new Error(`accessibleBy: unsupported compound operator "${condition.operator}"`);
    }
  }

  /**
   * Every field test is TRUE or FALSE, never NULL, so that NOT (from `cannot` rules) and NULL columns
   * behave as in CASL's in-memory checks (e.g. `{ regionCode: { $ne: '07' } }` matches a null region).
   */
  private field({ operator, field, value }: FieldCondition): [string, Parameters] {
    const { sql: column, isArray, type } = this.column(field);
    const name = `authz_${nextParameter++}`;
    if (isArray) return this.arrayField(column, type, operator, field, value, name);
    const comparisons: Record<string, string> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };
    switch (operator) {
      case 'eq':
        return value === null
          ? [`${column} IS NULL`, {}]
          : [`${column} IS NOT DISTINCT FROM :${name}`, { [name]: value }];
      case 'ne':
        return value === null
          ? [`${column} IS NOT NULL`, {}]
          : [`${column} IS DISTINCT FROM :${name}`, { [name]: value }];
      case 'in':
      case 'nin': {
        const values = value as unknown[];
        const present = values.filter((v) => v !== null);
        const parts = present.length ? [`COALESCE(${column} IN (:...${name}), FALSE)`] : [];
        if (values.includes(null)) parts.push(`${column} IS NULL`);
        const anyOf = parts.length ? parts.join(' OR ') : 'FALSE';
        return [operator === 'in' ? anyOf : `NOT (${anyOf})`, { [name]: present }];
      }
      default:
        if (comparisons[operator] && value !== null) {
          return [`COALESCE(${column} ${comparisons[operator]} :${name}, FALSE)`, { [name]: value }];
        }
        throw new Error(`accessibleBy: unsupported operator "${operator}" on "${field}"`);
    }
  }

  /** Mongo semantics on an array column: `{ ids: x }` means x is one of them (`@>`, served by a GIN index). */
  private arrayField(
    column: string,
    type: string,
    operator: string,
    field: string,
    value: unknown,
    name: string,
  ): [string, Parameters] {
    if (operator === 'eq' && value !== null)
      return [`${column} @> ARRAY[:${name}]::${type}[]`, { [name]: value }];
    throw new Error(`accessibleBy: unsupported operator "${operator}" on the array "${field}"`);
  }

  private column(field: string): { sql: string; isArray: boolean; type: string } {
    const alias = this.query.expressionMap.mainAlias;
    const column = alias?.metadata.findColumnWithPropertyName(field);
    if (!alias || !column) throw new Error(`accessibleBy: "${field}" is not a column of the queried entity`);
    return {
      sql: `${this.query.escape(alias.name)}.${this.query.escape(column.databaseName)}`,
      isArray: column.isArray,
      type: String(column.type),
    };
  }
}
