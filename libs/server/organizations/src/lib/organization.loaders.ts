import { byKeys, requestLoader, type GraphqlContext } from '@convergence/server/core';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import type { OrganizationService } from './organization.service';

/**
 * Organisations by id for one request, batched. It does not filter by the reader's scope: it only
 * resolves organisations that a row the reader may already read names (a user's organisation, a
 * project's lead and partners), and those names are part of that row.
 */
export function organizationNamedByReadableRow(context: GraphqlContext, organizations: OrganizationService) {
  return requestLoader<string, OrganizationModel | null>(
    context,
    'organization-named-by-readable-row',
    async (ids) => byKeys(ids, (await organizations.findByIds(ids)).map(toOrganizationModel), (o) => o.id),
  );
}
