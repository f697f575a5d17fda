import { requestLoader, type GraphqlContext } from '@convergence/server/core';
import { ActionModel, toActionModel } from './action.model';
import type { ActionService } from './action.service';

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
