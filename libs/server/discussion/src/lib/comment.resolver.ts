import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  anySignedInUser,
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  foundOnly,
  mapConnection,
  type Actor,
  type Connection,
  type GraphqlContext,
} from '@convergence/server/core';
import { PersonModel, personLoader, toPersonModel, UserService } from '@convergence/server/users';
import type { AppAbility } from '@convergence/shared/domain';
import { repliesByParentId } from './comment.loaders';
import { mayChangeComment } from './comment-rules';
import { CommentConnection, CommentModel, toCommentModel } from './comment.model';
import { CommentService } from './comment.service';
import {
  AddCommentInput,
  CommentIdArgs,
  CommentsArgs,
  EditCommentArgs,
  MentionCandidatesArgs,
} from './inputs/comment.inputs';

/**
 * Open to every signed-in user: the permission to discuss a subject is the permission to read it
 * (PRODUCT.md), checked by the service against the subject, so that a subject out of scope answers
 * NOT_FOUND exactly as one that does not exist.
 */
@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly commentService: CommentService,
    private readonly userService: UserService,
  ) {}

  @Query(() => CommentConnection, {
    description:
      'The threads of a subject, oldest first, each with its replies. NOT_FOUND when you may not read the subject.',
  })
  @CheckPolicies(anySignedInUser)
  async comments(
    @CurrentAbility() ability: AppAbility,
    @Args() args: CommentsArgs,
  ): Promise<Connection<CommentModel>> {
    return mapConnection(await this.commentService.list(ability, args), toCommentModel);
  }

  @Query(() => [PersonModel], {
    description:
      'Who you may mention in a comment on a subject: active users who may read it (the rule addComment ' +
      'checks mentions with), other than you, whose name contains `search` in any case and with or ' +
      'without accents (Arabic: hamza on alef, waw or ya, ta marbuta and vowel marks ignored); names ' +
      'starting with it first. Bounded work: when many people match, fewer than `first` may come back ' +
      '(more letters narrow it). NOT_FOUND when you may not read the subject.',
  })
  @CheckPolicies(anySignedInUser)
  async mentionCandidates(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: MentionCandidatesArgs,
  ): Promise<PersonModel[]> {
    return (await this.commentService.mentionCandidates(actor, ability, args)).map(toPersonModel);
  }

  @Mutation(() => CommentModel, { description: 'A comment, a reply, mentions or a formal question.' })
  @CheckPolicies(anySignedInUser)
  async addComment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: AddCommentInput,
  ): Promise<CommentModel> {
    return toCommentModel(await this.commentService.add(actor, ability, input));
  }

  @Mutation(() => CommentModel, {
    description: 'A new text for your comment (administrators: any comment); the previous text is kept.',
  })
  @CheckPolicies(anySignedInUser)
  async editComment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: EditCommentArgs,
  ): Promise<CommentModel> {
    return toCommentModel(await this.commentService.edit(actor, ability, args));
  }

  @Mutation(() => CommentModel, {
    description: 'Removes the text of your comment (administrators: any comment); its replies stay.',
  })
  @CheckPolicies(anySignedInUser)
  async deleteComment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: CommentIdArgs,
  ): Promise<CommentModel> {
    return toCommentModel(await this.commentService.remove(actor, ability, args));
  }

  @ResolveField(() => PersonModel)
  author(@Parent() comment: CommentModel, @Context() context: GraphqlContext) {
    return personLoader(context, this.userService).load(comment.authorUserId);
  }

  @ResolveField(() => [PersonModel])
  async mentions(
    @Parent() comment: CommentModel,
    @Context() context: GraphqlContext,
  ): Promise<PersonModel[]> {
    return foundOnly(await personLoader(context, this.userService).loadMany(comment.mentionUserIds));
  }

  @ResolveField(() => [CommentModel], {
    description: 'Oldest first; a reply has none (one level of threads).',
  })
  replies(@Parent() comment: CommentModel, @Context() context: GraphqlContext): Promise<CommentModel[]> | [] {
    if (comment.parentId !== null) return [];
    return repliesByParentId(context, this.commentService).load(comment.id);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether you may edit or delete it: your own, or any as an administrator; never once deleted.',
  })
  canEdit(@Parent() comment: CommentModel, @CurrentActor() actor: Actor): boolean {
    return !comment.deleted && mayChangeComment(actor, comment.authorUserId);
  }
}
