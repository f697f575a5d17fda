import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { Role } from '../roles';
import type { TerritorialScope } from '../territory';

/**
 * Verbs of the permission table in PRODUCT.md. `manage` and `all` are CASL's wildcards:
 * `can('manage', 'all')` grants everything. `report` is what an organisation does on its own
 * commitments and actions (start them, declare a fulfilment, move an action's status) without
 * touching their terms (amount, due date, cancellation), which stay with whoever may `update` them;
 * `verify` is the ministry's second step on a declared fulfilment.
 */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'verify' | 'report';

/** The things a permission is about; each name is also the GraphQL type name. */
export type SubjectName =
  | 'Territory'
  | 'Organization'
  | 'User'
  | 'Programme'
  | 'Project'
  | 'Convention'
  | 'Commitment'
  | 'Action'
  | 'Forum'
  | 'all';

/**
 * A row checked against the rules is tagged with CASL's `subject(name, row)`. Rules only test
 * plain scope fields (`id`, `regionCode`, `provinceCode`, `organizationId`), so that the same rule
 * is checked on a row in memory and translated into SQL for a list.
 */
export interface ScopedFields {
  id?: string;
  regionCode?: string | null;
  provinceCode?: string | null;
  organizationId?: string;
  leadOrganizationId?: string;
  /** An array on the row: a rule `{ partnerOrganizationIds: id }` means "id is one of them". */
  partnerOrganizationIds?: string | string[];
  /** Action: who must do it, and who helps. */
  responsibleOrganizationId?: string;
  contributorOrganizationIds?: string | string[];
  /** Forum: the organisations that took part. */
  participantOrganizationIds?: string | string[];
  /** Convention: the organisations that signed it. */
  partyOrganizationIds?: string | string[];
}
type RowSubjectName = Exclude<SubjectName, 'all'>;
/** One tagged-row type per subject name, so that CASL types each rule's conditions. */
type TaggedRow = { [Name in RowSubjectName]: ForcedSubject<Name> & ScopedFields }[RowSubjectName];
export type AppAbility = MongoAbility<[Action, SubjectName | TaggedRow]>;

/** Who is asking: what the rules need to know about a signed-in user. */
export interface AbilityActor {
  userId: string;
  role: Role;
  organizationId: string;
  scope: TerritorialScope;
}

/**
 * The one list of permission rules (PRODUCT.md, "Who may do what"). The api checks rows and derives
 * SQL filters from it; the web app receives the same rules packed in `me.permissions`.
 * Anything not granted here is denied.
 */
export function defineAbilityFor(actor: AbilityActor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);

  can('read', 'Territory');
  can('read', 'Programme');
  can('read', 'User', { id: actor.userId });
  can('update', 'User', ['locale'], { id: actor.userId });

  switch (actor.role) {
    case 'ADMIN':
      can('manage', 'all');
      break;
    case 'MINISTRY_OFFICIAL':
      can('read', 'Organization');
      can('read', ['Project', 'Convention', 'Commitment', 'Action', 'Forum']);
      can(['create', 'update'], ['Convention', 'Commitment', 'Action', 'Forum']);
      can('verify', 'Commitment');
      ownWorkRules(actor, can);
      break;
    case 'ELECTED_OFFICIAL':
    case 'SUBSIDIARY_MANAGER':
    case 'AUTHORITY_AGENT':
    case 'PARTNER_CONTRIBUTOR':
      if (actor.scope.regionCode === null) {
        can('read', 'Organization');
      } else {
        // National organisations, and those of their own region.
        can('read', 'Organization', { regionCode: null });
        can('read', 'Organization', { regionCode: actor.scope.regionCode });
      }
      territorialReadRules(actor, can);
      involvementReadRules(actor, can);
      ownWorkRules(actor, can);
      if (actor.role === 'SUBSIDIARY_MANAGER') {
        // The projects its subsidiary leads, within the subsidiary's region when it has one.
        const leads = { leadOrganizationId: actor.organizationId };
        can(
          ['create', 'update'],
          'Project',
          actor.scope.regionCode === null ? leads : { ...leads, regionCode: actor.scope.regionCode },
        );
      }
      break;
  }

  return build();
}

type Can = AbilityBuilder<AppAbility>['can'];

/**
 * "Their org's" (PRODUCT.md): every organisation reports on its own commitments (start, declare a
 * fulfilment) and moves the status of the actions it is responsible for.
 */
function ownWorkRules(actor: AbilityActor, can: Can): void {
  can('report', 'Commitment', { organizationId: actor.organizationId });
  can('report', 'Action', { responsibleOrganizationId: actor.organizationId });
}

/**
 * Reading by territory (PRODUCT.md): elected officials and subsidiary managers read their region,
 * authority agents their prefecture/province, partner contributors nothing by territory alone. A
 * user of a national organisation without a region reads everywhere. Forums and conventions are
 * regional, so an authority agent reads those of the region its province is in.
 */
function territorialReadRules(actor: AbilityActor, can: Can): void {
  if (actor.role === 'PARTNER_CONTRIBUTOR') return;
  const { regionCode, provinceCode } = actor.scope;
  const scoped: SubjectName[] = ['Project', 'Commitment', 'Action'];
  const regional: SubjectName[] = ['Forum', 'Convention'];
  if (regionCode === null) {
    can('read', [...scoped, ...regional]);
  } else if (actor.role === 'AUTHORITY_AGENT' && provinceCode) {
    can('read', scoped, { provinceCode });
    can('read', regional, { regionCode });
  } else {
    can('read', [...scoped, ...regional], { regionCode });
  }
}

/** Everyone reads what their organisation takes part in, wherever it is. */
function involvementReadRules(actor: AbilityActor, can: Can): void {
  const organizationId = actor.organizationId;
  can('read', 'Project', { leadOrganizationId: organizationId });
  can('read', 'Project', { partnerOrganizationIds: organizationId });
  can('read', 'Commitment', { organizationId });
  can('read', 'Action', { responsibleOrganizationId: organizationId });
  can('read', 'Action', { contributorOrganizationIds: organizationId });
  can('read', 'Forum', { participantOrganizationIds: organizationId });
  can('read', 'Convention', { partyOrganizationIds: organizationId });
}
