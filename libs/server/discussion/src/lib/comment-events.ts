import { recordAudit, type SubjectFacts } from '@convergence/server/audit';
import { publishEvent } from '@convergence/server/outbox';
import type { NotificationType } from '@convergence/shared/domain';
import type { EntityManager } from 'typeorm';
import type { CommentEntity } from './comment.entity';

/** How much of a comment an event carries, for the message that announces it. */
export const EXCERPT_LENGTH = 200;

/** The first characters of a text, never cutting a character in two (Arabic, emoji). */
export function excerptOf(body: string): string {
  return Array.from(body).slice(0, EXCERPT_LENGTH).join('');
}

/**
 * A comment is not a subject of its own: its changes are in the audit trail of the subject it is
 * about, and the subject itself is neither created nor deleted, so each is an UPDATE. The comment
 * id is recorded as [null, id] so that every event names its comment (unchanged fields are left out).
 */
export function auditComment(
  manager: EntityManager,
  actorUserId: string,
  operation: 'addComment' | 'editComment' | 'deleteComment',
  comment: Pick<CommentEntity, 'id' | 'subjectType' | 'subjectId'>,
  bodyBefore: string | null,
  bodyAfter: string,
): Promise<void> {
  return recordAudit<{ commentId: string | null; body: string | null }>(manager, {
    actorUserId,
    operation,
    subjectType: comment.subjectType,
    subjectId: comment.subjectId,
    fields: ['commentId', 'body'],
    before: { commentId: null, body: bodyBefore },
    after: { commentId: comment.id, body: bodyAfter },
  });
}

/**
 * The outbox events of a new comment, in its transaction: always COMMENT_ADDED (for the subject's
 * followers); COMMENT_REPLY for the author of the comment replied to; MENTION for the users named;
 * QUESTION_ASKED for the responsible organisations. Which recipients each one reaches, and whether
 * they may read the subject, is the worker's to decide.
 */
export async function publishCommentEvents(
  manager: EntityManager,
  comment: CommentEntity,
  parent: CommentEntity | null,
  facts: SubjectFacts,
  authorName: string,
): Promise<void> {
  const publish = (type: NotificationType, extra: Record<string, unknown> = {}) =>
    publishEvent(manager, {
      type,
      subjectType: comment.subjectType,
      subjectId: comment.subjectId,
      actorUserId: comment.authorUserId,
      payload: {
        subjectTitle: facts.title,
        commentId: comment.id,
        parentId: comment.parentId,
        authorUserId: comment.authorUserId,
        authorName,
        excerpt: excerptOf(comment.body),
        ...extra,
      },
    });
  await publish('COMMENT_ADDED');
  if (parent) await publish('COMMENT_REPLY', { parentAuthorUserId: parent.authorUserId });
  if (comment.mentionUserIds.length > 0) await publish('MENTION', { mentionUserIds: comment.mentionUserIds });
  if (comment.isQuestion)
    await publish('QUESTION_ASKED', { questionDueAt: comment.questionDueAt?.toISOString() });
}
