import { requestLoader, type GraphqlContext } from '@convergence/server/core';
import { CommentModel, toCommentModel } from './comment.model';
import type { CommentService } from './comment.service';

/** The replies to the comments of a page, oldest first: one query for all of them. */
export function repliesByParentId(context: GraphqlContext, comments: CommentService) {
  return requestLoader<string, CommentModel[]>(context, 'comment-replies-by-parent-id', async (ids) => {
    const replies = (await comments.repliesTo(ids)).map(toCommentModel);
    return ids.map((id) => replies.filter((reply) => reply.parentId === id));
  });
}
