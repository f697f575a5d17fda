import { isUUID } from 'class-validator';
import { QueryFailedError, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../graphql/domain-errors';
import type { Connection } from './connection';
import { DEFAULT_PAGE_SIZE, type PageArgs } from './page.args';

export interface SortKey<T> {
  /** SQL expression of a NOT NULL column, e.g. `project.code`. */
  expression: string;
  direction: 'ASC' | 'DESC';
  /** The same value read from a row, to build its cursor. */
  valueOf: (row: T) => string | number | Date;
}

type CursorValue = string | number;

/**
 * A list's filtered, scoped query and its order, before paging: a GraphQL connection pages it with
 * `paginate`, an export walks it with `keysetBatches`, so both show exactly the same rows.
 */
export interface ListQuery<T extends ObjectLiteral> {
  query: SelectQueryBuilder<T>;
  sort: SortKey<T>;
}

function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function invalidCursor(): BadUserInputError {
  return new BadUserInputError([{ field: 'after', key: 'validation.cursor' }]);
}

/**
 * The (sort value, id) a client sends back. Only the shape can be checked here: whether the value
 * suits the sort column (a number for the budget, a date for a due date) is PostgreSQL's to say,
 * see `withCursorChecked`.
 */
function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      ['string', 'number'].includes(typeof decoded[0]) &&
      isUUID(decoded[1], 'all')
    ) {
      return decoded as [CursorValue, string];
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw invalidCursor();
}

/**
 * A forged cursor whose value PostgreSQL cannot compare with the sort column ('abc' against a
 * numeric, a date of the year 0) fails the page statement with a data exception, SQLSTATE class 22
 * (22P02 invalid_text_representation, 22007/22008 datetime, 22003 out of range…): that is the
 * client's bad cursor, not a fault of the server. Any other failure stays what it is.
 */
async function withCursorChecked<R>(statement: Promise<R>): Promise<R> {
  try {
    return await statement;
  } catch (error) {
    const sqlState: unknown = error instanceof QueryFailedError ? (error as { code?: unknown }).code : null;
    if (typeof sqlState === 'string' && sqlState.startsWith('22')) throw invalidCursor();
    throw error;
  }
}

/** Rows after the cursor's (sort value, id), in sort order then id. */
function orderedAfter<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sort: SortKey<T>,
  after: [CursorValue, string] | null,
): SelectQueryBuilder<T> {
  const id = `${query.alias}.id`;
  if (after) {
    const comparison = sort.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sort.expression}, ${id}) ${comparison} (:cursorValue, :cursorId)`, {
      cursorValue: after[0],
      cursorId: after[1],
    });
  }
  return query.orderBy(sort.expression, sort.direction).addOrderBy(id, sort.direction);
}

function cursorOf<T extends { id: string }>(row: T, sort: SortKey<T>): [CursorValue, string] {
  const value = sort.valueOf(row);
  return [value instanceof Date ? value.toISOString() : value, row.id];
}

/**
 * One page of a filtered query, by keyset (sort value, then id) so that a page costs the same however
 * deep it is and stays stable while rows are added. `totalCount` counts the same filtered query.
 * Two statements per call, whatever the page size.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  sort: SortKey<T>,
): Promise<Connection<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await query.clone().getCount();
  const after = page.after !== undefined && page.after !== null ? decodeCursor(page.after) : null;
  const statement = orderedAfter(query, sort, after)
    .limit(first + 1)
    .getMany();
  const rows = await (after ? withCursorChecked(statement) : statement);
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(...cursorOf(node, sort)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * Every row of a filtered query in the order of a list, `batchSize` rows per statement, by the same
 * keyset as `paginate`: memory stays bounded however many rows an export holds.
 */
export async function* keysetBatches<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  sort: SortKey<T>,
  batchSize = 500,
): AsyncGenerator<T[]> {
  let after: [CursorValue, string] | null = null;
  for (;;) {
    const rows: T[] = await orderedAfter(query.clone(), sort, after).limit(batchSize).getMany();
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = cursorOf(rows[rows.length - 1], sort);
  }
}

/** A connection of entities turned into a connection of models. */
export function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U): Connection<U> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
  };
}
