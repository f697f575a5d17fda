import { AbilityBuilder, createMongoAbility, type ForcedSubject, type MongoAbility } from '@casl/ability';
import type { Role } from '../roles';
import type { TerritorialScope } from '../territory';

/**
 * Verbs of the permission table in PRODUCT.md. `manage` and `all` are CASL's wildcards:
 * `can('manage', 'all')` grants everything.
 */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete';

/** The things a permission is about; each name is also the GraphQL type name. */
export type SubjectName = 'Territory' | 'Organization' | 'User' | 'Programme' | 'Project' | 'all';

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
      can('read', 'Project');
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
      projectReadRules(actor, can);
      break;
  }

  return build();
}

/**
 * Projects per PRODUCT.md: elected officials and subsidiary managers read their region, authority
 * agents their prefecture/province, partner contributors the projects their organisation leads or
 * is a partner of (everyone also reads those, wherever they are).
 */
function projectReadRules(actor: AbilityActor, can: AbilityBuilder<AppAbility>['can']): void {
  const { regionCode, provinceCode } = actor.scope;
  if (actor.role === 'AUTHORITY_AGENT' && provinceCode) can('read', 'Project', { provinceCode });
  else if (actor.role !== 'PARTNER_CONTRIBUTOR' && regionCode) can('read', 'Project', { regionCode });
  else if (actor.role !== 'PARTNER_CONTRIBUTOR') can('read', 'Project');
  can('read', 'Project', { leadOrganizationId: actor.organizationId });
  can('read', 'Project', { partnerOrganizationIds: actor.organizationId });
}
