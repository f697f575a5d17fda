import { byKeys, requestLoader, type GraphqlContext } from '@convergence/server/core';
import { ForumModel, toForumModel } from './forum.model';
import type { ForumService } from './forum.service';

/**
 * Forums by id for one request, batched and filtered by the reader's rules: `null` for a forum that
 * does not exist or that the reader may not read (a commitment or action may name a forum outside the
 * reader's scope, and that forum must stay invisible).
 */
export function forumByReadableId(context: GraphqlContext, forums: ForumService) {
  return requestLoader<string, ForumModel | null>(context, 'forum-by-readable-id', async (ids) => {
    const ability = context.req.ability;
    if (!ability) return ids.map(() => null);
    return byKeys(ids, (await forums.readableByIds(ability, ids)).map(toForumModel), (f) => f.id);
  });
}
