import type { ParamMap, Params } from '@angular/router';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '@convergence/shared/domain';
import type {
  CommitmentFilter,
  CommitmentKind,
  CommitmentOrder,
  CommitmentOrderField,
  CommitmentStatus,
  OrderDirection,
} from '../data-access/generated';

/** The sections of /commitments, each shown only to those who may use it. */
export const COMMITMENT_VIEWS = ['all', 'verification', 'scorecard', 'mine'] as const;
export type CommitmentView = (typeof COMMITMENT_VIEWS)[number];

/** Page size of the tracker. */
export const PAGE_SIZE = 20;

/**
 * Everything that shapes /commitments, read from and written to the URL query string so that a view
 * is a link one can bookmark and share:
 * `?view=all&territory=06&partner=<id>&status=PLANNED,IN_PROGRESS&kind=FUNDING&late=true&dueBefore=2026-12-31`
 * `&convention=<id>&forum=<id>&q=voirie&sort=DUE_DATE&dir=ASC&after=<cursor>`.
 */
export interface CommitmentQuery {
  readonly view: CommitmentView;
  readonly territory: string | null;
  readonly partner: string | null;
  readonly status: readonly CommitmentStatus[];
  readonly kind: CommitmentKind | null;
  readonly late: boolean;
  readonly dueBefore: string | null;
  readonly convention: string | null;
  readonly forum: string | null;
  readonly search: string;
  readonly sort: CommitmentOrderField;
  readonly dir: OrderDirection;
  /** The cursor the page starts after; null: the first page. */
  readonly after: string | null;
}

export const DEFAULT_QUERY: CommitmentQuery = {
  view: 'all',
  territory: null,
  partner: null,
  status: [],
  kind: null,
  late: false,
  dueBefore: null,
  convention: null,
  forum: null,
  search: '',
  sort: 'DUE_DATE',
  dir: 'ASC',
  after: null,
};

const ORDER_FIELDS: readonly CommitmentOrderField[] = ['DUE_DATE', 'AMOUNT', 'STATUS', 'UPDATED_AT'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((known) => known === value) ?? null;
}

/** Reads the URL; anything unknown or malformed is ignored (a hand-edited link still opens). */
export function queryFromParams(params: ParamMap): CommitmentQuery {
  const text = (name: string) => params.get(name)?.trim() || null;
  const statuses = params
    .getAll('status')
    .flatMap((value) => value.split(','))
    .map((value) => oneOf(COMMITMENT_STATUSES, value.trim()))
    .filter((value): value is CommitmentStatus => value !== null);
  const dueBefore = text('dueBefore');
  return {
    view: oneOf(COMMITMENT_VIEWS, text('view')) ?? DEFAULT_QUERY.view,
    territory: text('territory'),
    partner: text('partner'),
    status: [...new Set(statuses)],
    kind: oneOf(COMMITMENT_KINDS, text('kind')),
    late: text('late') === 'true',
    dueBefore: dueBefore && ISO_DATE.test(dueBefore) ? dueBefore : null,
    convention: text('convention'),
    forum: text('forum'),
    search: text('q') ?? '',
    sort: oneOf(ORDER_FIELDS, text('sort')) ?? DEFAULT_QUERY.sort,
    dir: oneOf<OrderDirection>(['ASC', 'DESC'], text('dir')) ?? DEFAULT_QUERY.dir,
    after: text('after'),
  };
}

/**
 * The query-string entries for a change (to merge into the URL): defaults are removed (null) so that
 * links stay short. Changing anything but the page goes back to the first page.
 */
export function paramsOf(change: Partial<CommitmentQuery>): Params {
  const params: Params = {};
  const set = (name: string, value: string | null) => (params[name] = value || null);
  if ('view' in change) set('view', change.view === 'all' ? null : (change.view ?? null));
  if ('territory' in change) set('territory', change.territory ?? null);
  if ('partner' in change) set('partner', change.partner ?? null);
  if ('status' in change) set('status', change.status?.join(',') ?? null);
  if ('kind' in change) set('kind', change.kind ?? null);
  if ('late' in change) set('late', change.late ? 'true' : null);
  if ('dueBefore' in change) set('dueBefore', change.dueBefore ?? null);
  if ('convention' in change) set('convention', change.convention ?? null);
  if ('forum' in change) set('forum', change.forum ?? null);
  if ('search' in change) set('q', change.search?.trim() ?? null);
  if ('sort' in change) set('sort', change.sort === DEFAULT_QUERY.sort ? null : (change.sort ?? null));
  if ('dir' in change) set('dir', change.dir === DEFAULT_QUERY.dir ? null : (change.dir ?? null));
  set('after', change.after ?? null);
  return params;
}

/** The query-string entries that clear every filter of the tracker (the view and territory stay). */
export function clearedFilterParams(): Params {
  return paramsOf({
    partner: null,
    status: [],
    kind: null,
    late: false,
    dueBefore: null,
    convention: null,
    forum: null,
    search: '',
  });
}

/** Whether any filter narrows the tracker (besides the territory). */
export function hasFilters(query: CommitmentQuery): boolean {
  return !!(
    query.partner ||
    query.status.length ||
    query.kind ||
    query.late ||
    query.dueBefore ||
    query.convention ||
    query.forum ||
    query.search
  );
}

/** The GraphQL `filter` of the tracker, also sent to the CSV export so the file holds the same rows. */
export function filterOf(query: CommitmentQuery): CommitmentFilter {
  return {
    ...(query.territory ? { territoryCode: query.territory } : {}),
    ...(query.partner ? { organizationId: query.partner } : {}),
    ...(query.status.length ? { status: [...query.status] } : {}),
    ...(query.kind ? { kind: [query.kind] } : {}),
    ...(query.late ? { late: true } : {}),
    ...(query.dueBefore ? { dueBefore: query.dueBefore } : {}),
    ...(query.convention ? { conventionId: query.convention } : {}),
    ...(query.forum ? { forumId: query.forum } : {}),
    ...(query.search ? { search: query.search } : {}),
  };
}

export function orderOf(query: CommitmentQuery): CommitmentOrder {
  return { field: query.sort, direction: query.dir };
}
