import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [CursorValue, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      ['string', 'number'].includes(typeof decoded[0]) &&
      typeof decoded[1] === 'string'
    ) {
      return decoded as [CursorValue, string];
    }
  } catch {
    // fall through: any malformed cursor gets the same answer
  }
  throw new BadUserInputError([{ field: 'after', key: 'validation.cursor' }]);
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
  const id = `${query.alias}.id`;
  const totalCount = await query.clone().getCount();
  if (page.after !== undefined && page.after !== null) {
    const [value, afterId] = decodeCursor(page.after);
    const comparison = sort.direction === 'ASC' ? '>' : '<';
    query.andWhere(`(${sort.expression}, ${id}) ${comparison} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: afterId,
    });
  }
  const rows = await query
    .orderBy(sort.expression, sort.direction)
    .addOrderBy(id, sort.direction)
    .limit(first + 1)
    .getMany();
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => {
    const value = sort.valueOf(node);
    return { node, cursor: encodeCursor(value instanceof Date ? value.toISOString() : value, node.id) };
  });
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/** A connection of entities turned into a connection of models. */
export function mapConnection<T, U>(connection: Connection<T>, map: (node: T) => U): Connection<U> {
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
  };
}
