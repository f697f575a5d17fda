import { byKeys, requestLoader, type GraphqlContext } from '@convergence/server/core';
import { ActionModel, toActionModel } from './action.model';
import type { ActionService } from './action.service';

/**
 * Actions by id for one request, batched and filtered by the reader's rules: `null` for an action
 * that does not exist or that the reader may not read.
 */
export function actionByReadableId(context: GraphqlContext, actions: ActionService) {
  return requestLoader<string, ActionModel | null>(context, 'action-by-readable-id', async (ids) => {
    const ability = context.req.ability;
    if (!ability) return ids.map(() => null);
    return byKeys(ids, (await actions.readableByIds(ability, ids)).map(toActionModel), (a) => a.id);
  });
}

/** The readable actions decided at each forum, by due date: one statement for a whole page of forums. */
export function readableActionsByForum(context: GraphqlContext, actions: ActionService) {
  return requestLoader<string, ActionModel[]>(context, 'readable-actions-by-forum', async (forumIds) => {
    const ability = context.req.ability;
    if (!ability) return forumIds.map(() => []);
    const byForum = new Map<string, ActionModel[]>(forumIds.map((id) => [id, []]));
    for (const action of await actions.readableByForumIds(ability, forumIds)) {
      if (action.forumId) byForum.get(action.forumId)?.push(toActionModel(action));
    }
    return forumIds.map((id) => byForum.get(id) ?? []);
  });
}
