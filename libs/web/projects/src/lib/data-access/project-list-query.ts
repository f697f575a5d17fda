import type { ParamMap, Params } from '@angular/router';
import { HEALTHS, PROJECT_STATUSES, PROJECT_TYPES } from '@convergence/shared/domain';
import type {
  Health,
  OrderDirection,
  ProjectFilter,
  ProjectOrder,
  ProjectOrderField,
  ProjectStatus,
  ProjectType,
} from './generated';

export const PROJECT_ORDER_FIELDS: readonly ProjectOrderField[] = [
  'CODE',
  'TITLE',
  'BUDGET',
  'PHYSICAL_PROGRESS',
  'HEALTH',
  'UPDATED_AT',
];
export const ORDER_DIRECTIONS: readonly OrderDirection[] = ['ASC', 'DESC'];
export const PROJECT_PAGE_SIZE = 20;

/**
 * What the list shows, as the URL says it (every view is a link one can bookmark and share):
 * `?territory=06.141&status=WORKS,STUDIES&type=…&programme=<id>&health=AT_RISK&search=pole&sort=BUDGET&direction=DESC`.
 * Lists are written comma-separated; repeated parameters (`status=WORKS&status=STUDIES`) are read too.
 */
export interface ProjectListQuery {
  /** HCP code of a region, prefecture/province or commune; null: everything one may read. */
  readonly territory: string | null;
  readonly status: readonly ProjectStatus[];
  readonly type: readonly ProjectType[];
  readonly programme: string | null;
  readonly health: readonly Health[];
  readonly search: string;
  readonly sort: ProjectOrderField;
  readonly direction: OrderDirection;
}

export const DEFAULT_PROJECT_LIST_QUERY: ProjectListQuery = {
  territory: null,
  status: [],
  type: [],
  programme: null,
  health: [],
  search: '',
  sort: 'CODE',
  direction: 'ASC',
};

function listOf<T extends string>(params: ParamMap, name: string, allowed: readonly T[]): T[] {
  const values = params.getAll(name).flatMap((value) => value.split(','));
  return allowed.filter((value) => values.includes(value));
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value?.toUpperCase()) ?? fallback;
}

/** Unknown values are ignored, so that an old or hand-edited link still opens a list. */
export function parseProjectListQuery(params: ParamMap): ProjectListQuery {
  return {
    territory: params.get('territory')?.trim() || null,
    status: listOf(params, 'status', PROJECT_STATUSES),
    type: listOf(params, 'type', PROJECT_TYPES),
    programme: params.get('programme')?.trim() || null,
    health: listOf(params, 'health', HEALTHS),
    search: params.get('search')?.trim() ?? '',
    sort: oneOf(params.get('sort'), PROJECT_ORDER_FIELDS, DEFAULT_PROJECT_LIST_QUERY.sort),
    direction: oneOf(params.get('direction'), ORDER_DIRECTIONS, DEFAULT_PROJECT_LIST_QUERY.direction),
  };
}

/** The URL of a query: defaults and empty filters are left out (null removes the parameter). */
export function projectListQueryParams(query: ProjectListQuery): Params {
  const list = (values: readonly string[]) => (values.length ? values.join(',') : null);
  return {
    territory: query.territory,
    status: list(query.status),
    type: list(query.type),
    programme: query.programme,
    health: list(query.health),
    search: query.search.trim() || null,
    sort: query.sort === DEFAULT_PROJECT_LIST_QUERY.sort ? null : query.sort,
    direction: query.direction === DEFAULT_PROJECT_LIST_QUERY.direction ? null : query.direction,
  };
}

/** The GraphQL filter (also sent to the CSV export): only what is set; null when nothing is. */
export function projectFilterOf(query: ProjectListQuery): ProjectFilter | null {
  const filter: { -readonly [K in keyof ProjectFilter]: ProjectFilter[K] } = {};
  if (query.territory) filter.territoryCode = query.territory;
  if (query.status.length) filter.status = query.status;
  if (query.type.length) filter.type = query.type;
  if (query.programme) filter.programmeId = query.programme;
  if (query.health.length) filter.health = query.health;
  if (query.search.trim()) filter.search = query.search.trim();
  return Object.keys(filter).length ? filter : null;
}

export function projectOrderOf(query: ProjectListQuery): ProjectOrder {
  return { field: query.sort, direction: query.direction };
}

/** Whether any filter narrows the list (sorting does not). */
export function isFiltered(query: ProjectListQuery): boolean {
  return projectFilterOf(query) !== null;
}
