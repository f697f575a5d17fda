import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SubjectRegistry } from '@convergence/server/audit';
import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  paginate,
  uniqueValues,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  type SortKey,
} from '@convergence/server/core';
import { FollowService } from '@convergence/server/notifications';
import { actorOf, UserEntity } from '@convergence/server/users';
import {
  defineAbilityFor,
  QUESTION_ANSWER_DAYS,
  SUBJECT_NAME_OF_TYPE,
  type AppAbility,
  type SubjectType,
} from '@convergence/shared/domain';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import { auditComment, publishCommentEvents } from './comment-events';
import { foldedSql, mayChangeComment, parentProblems, questionProblems } from './comment-rules';
import { CommentRevisionEntity } from './comment-revision.entity';
import { CommentEntity } from './comment.entity';
import {
  DEFAULT_MENTION_CANDIDATES,
  type AddCommentInput,
  type CommentIdArgs,
  type CommentsArgs,
  type EditCommentArgs,
  type MentionCandidatesArgs,
} from './inputs/comment.inputs';

/**
 * Oldest first, as a conversation reads. Cursors carry milliseconds while PostgreSQL keeps
 * microseconds, so the key is the time cut to the millisecond (see the audit trail).
 */
const OLDEST_FIRST: SortKey<CommentEntity> = {
  expression: "date_trunc('milliseconds', comment.created_at)",
  direction: 'ASC',
  valueOf: (comment) => comment.createdAt,
};

/** The ability of a user other than the actor, to check what they may read; no session is involved. */
const NO_SESSION = '';

/**
 * The bounds on the work of one keystroke of the mention autocomplete. Users matching the name are
 * read in pages of `CANDIDATE_PAGE`, at most `MAX_CANDIDATES_SCANNED` of them (4 pages), and whether
 * they may read the subject is checked once per profile (role, organisation, territory), at most
 * `MAX_READ_CHECKS` times. Whichever bound comes first ends the search with the people found until
 * then, in order: the answer may then be shorter than `first`, never wrong (everyone offered may
 * read the subject), and the same for the same data; the writer types more letters to narrow it.
 * So one call costs at most 4 pages + 30 read checks + the writer's own check, whatever the users.
 */
const CANDIDATE_PAGE = 50;
const MAX_CANDIDATES_SCANNED = 200;
export const MAX_READ_CHECKS = 30;

@Injectable()
export class CommentService {
  constructor(
    @InjectRepository(CommentEntity) private readonly comments: Repository<CommentEntity>,
    private readonly subjects: SubjectRegistry,
    private readonly follows: FollowService,
  ) {}

  /** The threads of a subject (comments that are not replies), for whoever may read the subject. */
  async list(
    ability: AppAbility,
    { subjectType, subjectId, ...page }: CommentsArgs,
  ): Promise<Connection<CommentEntity>> {
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    const query = this.comments
      .createQueryBuilder('comment')
      .where('comment.subject_type = :subjectType AND comment.subject_id = :subjectId', {
        subjectType,
        subjectId,
      })
      .andWhere('comment.parent_id IS NULL');
    return paginate(query, page, OLDEST_FIRST);
  }

  /** For DataLoaders: the replies to comments the reader already read, oldest first. */
  repliesTo(parentIds: readonly string[]): Promise<CommentEntity[]> {
    return this.comments.find({
      where: { parentId: In([...parentIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * A comment or reply by anyone who may read the subject. Its audit event, its outbox events and
   * the author's follow of the subject are written in the same transaction: all or nothing.
   */
  async add(actor: Actor, ability: AppAbility, input: AddCommentInput): Promise<CommentEntity> {
    const { subjectType, subjectId } = input;
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    const facts = await this.subjects.facts(subjectType, subjectId);
    if (!facts) throw new NotFoundError(SUBJECT_NAME_OF_TYPE[subjectType]);
    const mentionUserIds = uniqueValues(input.mentions ?? []);
    const isQuestion = input.isQuestion === true;
    // Before the transaction: the read checks use their own connections, and the embedded
    // database's pool of one would wait forever for them inside it (ADR 0002).
    const mentionProblems = await this.mentionProblems(subjectType, subjectId, mentionUserIds);

    return this.comments.manager.transaction(async (manager) => {
      const parent = input.parentId ? await manager.findOneBy(CommentEntity, { id: input.parentId }) : null;
      const problems = [
        ...parentProblems(input, parent),
        ...questionProblems(input, facts),
        ...mentionProblems,
      ];
      if (problems.length > 0) throw new BadUserInputError(problems);

      const { identifiers } = await manager.insert(CommentEntity, {
        subjectType,
        subjectId,
        parentId: parent?.id ?? null,
        authorUserId: actor.userId,
        body: input.body,
        mentionUserIds,
        isQuestion,
        // The database's clock, as for `createdAt`, so that the deadline is exactly so many days later.
        questionDueAt: isQuestion ? () => `now() + make_interval(days => ${QUESTION_ANSWER_DAYS})` : null,
      });
      const comment = await manager.findOneByOrFail(CommentEntity, { id: identifiers[0]['id'] as string });
      if (parent && facts.responsibleOrganizationIds.includes(actor.organizationId)) {
        await markAnswered(manager, parent.id);
      }
      await auditComment(manager, actor.userId, 'addComment', comment, null, comment.body);
      await publishCommentEvents(manager, comment, parent, facts, actor.displayName);
      await this.follows.followUnlessDecided(manager, actor.userId, subjectType, subjectId);
      return comment;
    });
  }

  /** A new text for one's own comment (or any, for a moderator); the previous one is kept. */
  async edit(
    actor: Actor,
    ability: AppAbility,
    { id, body, version }: EditCommentArgs,
  ): Promise<CommentEntity> {
    const comment = await this.getForChange(actor, ability, id);
    if (comment.body === body) return comment;
    return this.comments.manager.transaction(async (manager) => {
      await keepRevision(manager, actor, comment);
      const edited = await updateVersioned(manager, CommentEntity, id, version ?? comment.version, {
        body,
        editedAt: () => 'now()',
      });
      await auditComment(manager, actor.userId, 'editComment', comment, comment.body, edited.body);
      return edited;
    });
  }

  /** Blanks one's own comment (or any, for a moderator); the text is kept as a revision, replies stay. */
  async remove(actor: Actor, ability: AppAbility, { id, version }: CommentIdArgs): Promise<CommentEntity> {
    const comment = await this.getForChange(actor, ability, id);
    return this.comments.manager.transaction(async (manager) => {
      await keepRevision(manager, actor, comment);
      const deleted = await updateVersioned(manager, CommentEntity, id, version ?? comment.version, {
        body: '',
        deletedAt: () => 'now()',
        deletedByUserId: actor.userId,
      });
      await auditComment(manager, actor.userId, 'deleteComment', comment, comment.body, '');
      return deleted;
    });
  }

  /**
   * The comment an edit or a delete is about: NOT_FOUND when the writer may not read its subject (it
   * must look as if it did not exist), FORBIDDEN when it is someone else's, BAD_USER_INPUT once
   * deleted. Read before the write's transaction, because the subject's read check uses connections
   * of its own (a pool of one would wait forever inside it, ADR 0002); the write then goes through
   * `updateVersioned` with the version the writer read (else the one read here), so a change since
   * is a CONFLICT.
   */
  private async getForChange(actor: Actor, ability: AppAbility, id: string): Promise<CommentEntity> {
    const comment = await this.comments.findOneBy({ id });
    if (!comment || !(await this.subjects.canRead(ability, comment.subjectType, comment.subjectId))) {
      throw new NotFoundError('Comment');
    }
    if (!mayChangeComment(actor, comment.authorUserId)) throw new ForbiddenError();
    if (comment.deletedAt !== null) {
      throw new BadUserInputError([{ field: 'id', key: 'validation.commentDeleted' }]);
    }
    return comment;
  }

  /**
   * The people the mention autocomplete offers: active users other than the writer whose name
   * contains `search` (any case, accents and hamza forms: `foldedSql` on both sides), names with a
   * word starting with it first, then alphabetically, kept only if they may read
   * the subject by the very rule a mention is validated with (`ReadChecks`), so that everyone
   * offered can be mentioned. NOT_FOUND when the writer may not read the subject. The writer is
   * left out: the author of a comment is never notified of it. Bounded work: see `MAX_READ_CHECKS`.
   */
  async mentionCandidates(
    actor: Actor,
    ability: AppAbility,
    { subjectType, subjectId, search, first }: MentionCandidatesArgs,
  ): Promise<UserEntity[]> {
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    const wanted = first ?? DEFAULT_MENTION_CANDIDATES;
    // Positions, not LIKE patterns: what was typed is plain text, `%` and `_` included.
    const name = foldedSql('u.display_name');
    const typed = foldedSql(':search');
    const query = this.comments.manager
      .createQueryBuilder(UserEntity, 'u')
      .innerJoinAndSelect('u.organization', 'organization')
      .where('u.active')
      .andWhere('u.id <> :self', { self: actor.userId })
      // A search of marks only folds to nothing, which is in every name: it finds nobody.
      .andWhere(`${typed} <> '' AND strpos(${name}, ${typed}) > 0`)
      .orderBy(
        `CASE WHEN starts_with(${name}, ${typed}) OR strpos(${name}, ' ' || ${typed}) > 0 THEN 0 ELSE 1 END`,
      )
      .addOrderBy('u.displayName')
      .addOrderBy('u.id')
      .setParameter('search', search);

    const checks = new ReadChecks(this.subjects, subjectType, subjectId, MAX_READ_CHECKS);
    const readers: UserEntity[] = [];
    const unchecked: UserEntity[] = [];
    let scanned = 0;
    let moreUsers = true;
    while (readers.length < wanted) {
      const needed = wanted - readers.length;
      if (unchecked.length < needed && moreUsers && scanned < MAX_CANDIDATES_SCANNED) {
        const page = await query.clone().offset(scanned).limit(CANDIDATE_PAGE).getMany();
        unchecked.push(...page);
        scanned += page.length;
        moreUsers = page.length === CANDIDATE_PAGE;
      }
      if (unchecked.length === 0) break;
      // Only as many users as could still be needed, so that no check is spent past `first`.
      const { readers: found, exhausted } = await checks.readersAmong(unchecked.splice(0, needed));
      readers.push(...found);
      if (exhausted) break;
    }
    return readers;
  }

  /**
   * Each mentioned user must exist, be active and be able to read the subject. One message for all
   * three cases, so that a mention cannot be used to learn who exists outside one's scope.
   */
  private async mentionProblems(
    subjectType: SubjectType,
    subjectId: string,
    userIds: string[],
  ): Promise<FieldProblem[]> {
    if (userIds.length === 0) return [];
    const users = await this.comments.manager.find(UserEntity, {
      where: { id: In(userIds) },
      relations: { organization: true },
    });
    // At most MAX_MENTIONS users, so at most as many checks: no budget needed.
    const checks = new ReadChecks(this.subjects, subjectType, subjectId, Infinity);
    const allowed = (await checks.readersAmong(users)).readers.length;
    return allowed === userIds.length ? [] : [{ field: 'mentions', key: 'validation.mentionNotAllowed' }];
  }
}

/**
 * Who may be mentioned on a subject: active users who may read it, with their own permissions
 * (`defineAbilityFor`), exactly as the notifications of the mention will check them. What a user may
 * read depends on their role, organisation and territory only, so each such profile is checked once,
 * and at most `budget` profiles are checked.
 */
class ReadChecks {
  private readonly verdicts = new Map<string, Promise<boolean>>();

  constructor(
    private readonly subjects: SubjectRegistry,
    private readonly subjectType: SubjectType,
    private readonly subjectId: string,
    private readonly budget: number,
  ) {}

  /**
   * The readers among `users`, in their order. `exhausted` when a user needed a check past the
   * budget: the readers are then those before that user (the same ones for the same data), and
   * nobody after them may be looked at.
   */
  async readersAmong(users: readonly UserEntity[]): Promise<{ readers: UserEntity[]; exhausted: boolean }> {
    const decided: { user: UserEntity; verdict: Promise<boolean> }[] = [];
    let exhausted = false;
    for (const user of users) {
      if (!user.active) continue;
      const verdict = this.verdictFor(user);
      if (!verdict) {
        exhausted = true;
        break;
      }
      decided.push({ user, verdict });
    }
    const readable = await Promise.all(decided.map(({ verdict }) => verdict));
    return { readers: decided.filter((_, index) => readable[index]).map(({ user }) => user), exhausted };
  }

  /** Whether `user` may read the subject; null when that would take one check more than the budget. */
  private verdictFor(user: UserEntity): Promise<boolean> | null {
    const actor = actorOf(user, NO_SESSION);
    const profile = [actor.role, actor.organizationId, actor.scope.regionCode, actor.scope.provinceCode].join(
      '|',
    );
    let verdict = this.verdicts.get(profile);
    if (!verdict) {
      if (this.verdicts.size >= this.budget) return null;
      verdict = this.subjects.canRead(defineAbilityFor(actor), this.subjectType, this.subjectId);
      this.verdicts.set(profile, verdict);
    }
    return verdict;
  }
}

/** The text as it was, before an edit or a delete changes it. */
async function keepRevision(manager: EntityManager, actor: Actor, comment: CommentEntity): Promise<void> {
  await manager.insert(CommentRevisionEntity, {
    commentId: comment.id,
    body: comment.body,
    editorUserId: actor.userId,
  });
}

/** The first reply from a responsible organisation answers an open question; later ones change nothing. */
async function markAnswered(manager: EntityManager, questionId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(CommentEntity)
    .set({ answeredAt: () => 'now()' })
    .where({ id: questionId, isQuestion: true, answeredAt: IsNull() })
    .execute();
}
