import type { AuditAction, SubjectType } from '../data-access/generated';

/** How one value of a change reads: the template formats it in the reader's language. */
export type ValueView =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'key'; readonly key: string; readonly params?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'money'; readonly value: string }
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string; readonly style: 'date' | 'dateTime' };

/** One changed field of an audit event. */
export interface ChangeView {
  readonly field: string;
  /** Null for a field without a translated name: the template shows `field` itself. */
  readonly labelKey: string | null;
  readonly before: ValueView;
  readonly after: ValueView;
}

/** The label of each audited field (the audit trail's `changes` keys, written by libs/server/*). */
export const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  code: 'discussion.audit.fields.code',
  title: 'discussion.audit.fields.title',
  description: 'discussion.audit.fields.description',
  type: 'discussion.audit.fields.type',
  programmeId: 'discussion.audit.fields.programmeId',
  communeCode: 'discussion.audit.fields.communeCode',
  leadOrganizationId: 'discussion.audit.fields.leadOrganizationId',
  partnerOrganizationIds: 'discussion.audit.fields.partnerOrganizationIds',
  status: 'discussion.audit.fields.status',
  physicalProgress: 'discussion.audit.fields.physicalProgress',
  budget: 'discussion.audit.fields.budget',
  spentAmount: 'discussion.audit.fields.spentAmount',
  housingUnitsPlanned: 'discussion.audit.fields.housingUnitsPlanned',
  housingUnitsDelivered: 'discussion.audit.fields.housingUnitsDelivered',
  householdsTargeted: 'discussion.audit.fields.householdsTargeted',
  householdsRelocated: 'discussion.audit.fields.householdsRelocated',
  hectares: 'discussion.audit.fields.hectares',
  startDate: 'discussion.audit.fields.startDate',
  plannedEndDate: 'discussion.audit.fields.plannedEndDate',
  actualEndDate: 'discussion.audit.fields.actualEndDate',
  latitude: 'discussion.audit.fields.latitude',
  longitude: 'discussion.audit.fields.longitude',
  lastReportedAt: 'discussion.audit.fields.lastReportedAt',
  milestones: 'discussion.audit.fields.milestones',
  reasonCode: 'discussion.audit.fields.reasonCode',
  note: 'discussion.audit.fields.note',
  responsibleOrganizationId: 'discussion.audit.fields.responsibleOrganizationId',
  contributorOrganizationIds: 'discussion.audit.fields.contributorOrganizationIds',
  territoryCode: 'discussion.audit.fields.territoryCode',
  forumId: 'discussion.audit.fields.forumId',
  projectId: 'discussion.audit.fields.projectId',
  dueDate: 'discussion.audit.fields.dueDate',
  priority: 'discussion.audit.fields.priority',
  statusReasonCode: 'discussion.audit.fields.statusReasonCode',
  statusNote: 'discussion.audit.fields.statusNote',
  doneOn: 'discussion.audit.fields.doneOn',
  dueDateReasonCode: 'discussion.audit.fields.dueDateReasonCode',
  theme: 'discussion.audit.fields.theme',
  heldOn: 'discussion.audit.fields.heldOn',
  place: 'discussion.audit.fields.place',
  regionCode: 'discussion.audit.fields.regionCode',
  participantOrganizationIds: 'discussion.audit.fields.participantOrganizationIds',
  resolutions: 'discussion.audit.fields.resolutions',
  signedOn: 'discussion.audit.fields.signedOn',
  partyOrganizationIds: 'discussion.audit.fields.partyOrganizationIds',
  projectIds: 'discussion.audit.fields.projectIds',
  kind: 'discussion.audit.fields.kind',
  organizationId: 'discussion.audit.fields.organizationId',
  conventionId: 'discussion.audit.fields.conventionId',
  amount: 'discussion.audit.fields.amount',
  quantity: 'discussion.audit.fields.quantity',
  quantityUnit: 'discussion.audit.fields.quantityUnit',
  fulfilledAmount: 'discussion.audit.fields.fulfilledAmount',
  fulfilledQuantity: 'discussion.audit.fields.fulfilledQuantity',
  fulfilledOn: 'discussion.audit.fields.fulfilledOn',
  fulfilment: 'discussion.audit.fields.fulfilment',
  body: 'discussion.audit.fields.body',
};

/** What each operation that writes the audit trail is called. */
export const OPERATION_KEYS: Readonly<Record<string, string>> = {
  createProject: 'discussion.audit.operations.createProject',
  updateProject: 'discussion.audit.operations.updateProject',
  reportProjectProgress: 'discussion.audit.operations.reportProjectProgress',
  importProjects: 'discussion.audit.operations.importProjects',
  createCommitment: 'discussion.audit.operations.createCommitment',
  updateCommitment: 'discussion.audit.operations.updateCommitment',
  declareCommitmentFulfilment: 'discussion.audit.operations.declareCommitmentFulfilment',
  verifyCommitmentFulfilment: 'discussion.audit.operations.verifyCommitmentFulfilment',
  createAction: 'discussion.audit.operations.createAction',
  updateAction: 'discussion.audit.operations.updateAction',
  updateActionStatus: 'discussion.audit.operations.updateActionStatus',
  createForum: 'discussion.audit.operations.createForum',
  updateForum: 'discussion.audit.operations.updateForum',
  createConvention: 'discussion.audit.operations.createConvention',
  updateConvention: 'discussion.audit.operations.updateConvention',
  addComment: 'discussion.audit.operations.addComment',
  editComment: 'discussion.audit.operations.editComment',
  deleteComment: 'discussion.audit.operations.deleteComment',
};

/** For an operation without a name of its own. */
export const ACTION_KEYS: Readonly<Record<AuditAction, string>> = {
  CREATE: 'discussion.audit.actions.CREATE',
  UPDATE: 'discussion.audit.actions.UPDATE',
  DELETE: 'discussion.audit.actions.DELETE',
};

const MONEY = new Set(['budget', 'spentAmount', 'amount', 'fulfilledAmount']);
const NUMBERS = new Set([
  'housingUnitsPlanned',
  'housingUnitsDelivered',
  'householdsTargeted',
  'householdsRelocated',
  'hectares',
  'quantity',
  'fulfilledQuantity',
  'latitude',
  'longitude',
]);
const PERCENTS = new Set(['physicalProgress']);
const DATES = new Set([
  'startDate',
  'plannedEndDate',
  'actualEndDate',
  'dueDate',
  'doneOn',
  'heldOn',
  'signedOn',
  'fulfilledOn',
]);
const TIMESTAMPS = new Set(['lastReportedAt']);
/** Enumerations whose values have a global translation (apps/web/public/i18n). */
const ENUM_PREFIXES: Readonly<Record<string, string>> = {
  type: 'projectType.',
  kind: 'commitmentKind.',
  priority: 'actionPriority.',
  reasonCode: 'reasonCode.',
  statusReasonCode: 'reasonCode.',
  dueDateReasonCode: 'reasonCode.',
};
const STATUS_PREFIXES: Partial<Record<SubjectType, string>> = {
  PROJECT: 'projectStatus.',
  COMMITMENT: 'commitmentStatus.',
  ACTION: 'actionStatus.',
};
/** Bookkeeping that means nothing to a reader (a comment's id: the operation already says "comment"). */
const HIDDEN_FIELDS = new Set(['commentId']);
/** Long texts (descriptions, comments) are cut: the history says what changed, not the whole text. */
const MAX_TEXT = 300;

const NONE: ValueView = { kind: 'none' };

/** The changed fields of an audit event (`changes`: field → [before, after]), ready to display. */
export function changeViews(changes: unknown, subjectType: SubjectType): ChangeView[] {
  if (!isRecord(changes)) return [];
  return Object.entries(changes).flatMap(([field, pair]) => {
    if (HIDDEN_FIELDS.has(field) || !Array.isArray(pair)) return [];
    const [before, after] = pair as unknown[];
    return [
      {
        field,
        labelKey: FIELD_LABEL_KEYS[field] ?? null,
        before: valueView(field, before, subjectType),
        after: valueView(field, after, subjectType),
      },
    ];
  });
}

/** How one value of `field` reads. */
export function valueView(field: string, value: unknown, subjectType: SubjectType): ValueView {
  if (value === null || value === undefined || value === '') return NONE;
  if (typeof value === 'boolean') return { kind: 'key', key: value ? 'common.yes' : 'common.no' };
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value);
    if (MONEY.has(field)) return { kind: 'money', value: text };
    if (NUMBERS.has(field)) return { kind: 'number', value: text };
    if (PERCENTS.has(field)) return { kind: 'percent', value: Number(value) };
    if (DATES.has(field)) return { kind: 'date', value: text, style: 'date' };
    if (TIMESTAMPS.has(field)) return { kind: 'date', value: text, style: 'dateTime' };
    const prefix = field === 'status' ? STATUS_PREFIXES[subjectType] : ENUM_PREFIXES[field];
    if (prefix) return { kind: 'key', key: prefix + text };
    // An id of another row (lead organisation, programme…): its name is not part of the trail.
    if (field.endsWith('Id')) return { kind: 'key', key: 'discussion.audit.values.linked' };
    return { kind: 'text', text: shortened(text) };
  }
  if (Array.isArray(value)) {
    if (field === 'milestones') return { kind: 'text', text: shortened(value.map(titleOf).join(' ; ')) };
    if (value.every((item) => typeof item === 'string') && !field.endsWith('Ids')) {
      return { kind: 'text', text: shortened(value.join(' ; ')) };
    }
    return { kind: 'key', key: 'discussion.audit.values.items', params: { count: value.length } };
  }
  if (isRecord(value)) {
    const parts = Object.entries(value)
      .filter(([, item]) => item !== null && item !== undefined && typeof item !== 'object')
      .map(([key, item]) => `${key} : ${String(item)}`);
    return parts.length ? { kind: 'text', text: shortened(parts.join(', ')) } : NONE;
  }
  return NONE;
}

function titleOf(milestone: unknown): string {
  return isRecord(milestone) && typeof milestone['title'] === 'string' ? milestone['title'] : '';
}

function shortened(text: string): string {
  const characters = Array.from(text);
  return characters.length > MAX_TEXT ? `${characters.slice(0, MAX_TEXT).join('')}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
