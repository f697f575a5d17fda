import { byKeys, requestLoader, type GraphqlContext } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import {
  CommitmentFulfilmentModel,
  CommitmentModel,
  DueDateChangeModel,
  toCommitmentFulfilmentModel,
  toCommitmentModel,
  toDueDateChangeModel,
} from './commitment.model';
import type { CommitmentLink, CommitmentService } from './commitment.service';
import { ConventionModel, toConventionModel } from './convention.model';
import type { ConventionService } from './convention.service';
import { groupByKeys } from './query-filters';

/** The reader's ability; a request without one (never on a guarded operation) reads nothing. */
function readerOf(context: GraphqlContext): AppAbility | null {
  return context.req.ability ?? null;
}

/**
 * Conventions by id for one request, batched and filtered by the reader's rules: `null` for one that
 * does not exist or that the reader may not read (a commitment may name a convention out of scope).
 */
export function conventionByReadableId(context: GraphqlContext, conventions: ConventionService) {
  return requestLoader<string, ConventionModel | null>(context, 'convention-by-readable-id', async (ids) => {
    const ability = readerOf(context);
    if (!ability) return ids.map(() => null);
    return byKeys(ids, (await conventions.readableByIds(ability, ids)).map(toConventionModel), (c) => c.id);
  });
}

/** The readable conventions funding each project, one statement for the whole page. */
export function conventionsByProject(context: GraphqlContext, conventions: ConventionService) {
  return requestLoader<string, ConventionModel[]>(context, 'conventions-by-project', async (projectIds) => {
    const ability = readerOf(context);
    if (!ability) return projectIds.map(() => []);
    const rows = (await conventions.readableFundingProjects(ability, projectIds)).map(toConventionModel);
    return groupByKeys(projectIds, rows, (convention) => convention.projectIds);
  });
}

/**
 * The readable commitments naming each project, convention or forum (by `link`), by due date, one
 * statement for the whole page whatever its size.
 */
export function commitmentsLinkedTo(
  context: GraphqlContext,
  commitments: CommitmentService,
  link: CommitmentLink,
) {
  return requestLoader<string, CommitmentModel[]>(context, `commitments-by-${link}`, async (ids) => {
    const ability = readerOf(context);
    if (!ability) return ids.map(() => []);
    const rows = (await commitments.readableLinkedTo(ability, link, ids)).map(toCommitmentModel);
    return groupByKeys(ids, rows, (commitment) => {
      const id = commitment[link];
      return id ? [id] : [];
    });
  });
}

/** The declarations of each commitment (already readable: the parent was). */
export function fulfilmentsByCommitment(context: GraphqlContext, commitments: CommitmentService) {
  return requestLoader<string, CommitmentFulfilmentModel[]>(
    context,
    'fulfilments-by-commitment',
    async (ids) => {
      const rows = (await commitments.fulfilmentsOf(ids)).map(toCommitmentFulfilmentModel);
      return groupByKeys(ids, rows, (row) => [row.commitmentId]);
    },
  );
}

/** The due-date moves of each commitment (already readable: the parent was). */
export function dueDateChangesByCommitment(context: GraphqlContext, commitments: CommitmentService) {
  return requestLoader<string, DueDateChangeModel[]>(
    context,
    'due-date-changes-by-commitment',
    async (ids) => {
      const rows = (await commitments.dueDateChangesOf(ids)).map(toDueDateChangeModel);
      return groupByKeys(ids, rows, (row) => [row.commitmentId]);
    },
  );
}
