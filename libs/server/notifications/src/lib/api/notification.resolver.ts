import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { SubjectRegistry } from '@convergence/server/audit';
import {
  anySignedInUser,
  CheckPolicies,
  contextLocale,
  CurrentActor,
  mapConnection,
  requestLoader,
  UnauthenticatedError,
  type Actor,
  type Connection,
  type GraphqlContext,
} from '@convergence/server/core';
import type { SubjectType } from '@convergence/shared/domain';
import { notificationText } from '../messages/notification-messages';
import { MarkNotificationsReadArgs } from './inputs/mark-notifications-read.args';
import { NotificationPreferencesInput } from './inputs/notification-preferences.input';
import { NotificationsArgs } from './inputs/notifications.args';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationLiveFeed, SESSION_ENDED, type LiveNotification } from './notification-live-feed';
import { NotificationPreferencesModel } from './notification-preferences.model';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationConnection, NotificationModel, toNotificationModel } from './notification.model';

/**
 * The subject's title as the event recorded it (the worker copies it into the payload), else its
 * current title, one lookup per subject of the page.
 */
function subjectTitleOf(
  notification: NotificationModel,
  context: GraphqlContext,
  subjects: SubjectRegistry,
): Promise<string | null> {
  const recorded = notification.payload['subjectTitle'];
  if (typeof recorded === 'string' && recorded.trim()) return Promise.resolve(recorded);
  return requestLoader<string, string | null>(context, 'notification-subject-title', (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [type, id] = key.split('/') as [SubjectType, string];
        return (await subjects.facts(type, id))?.title ?? null;
      }),
    ),
  ).load(`${notification.subjectType}/${notification.subjectId}`);
}

/** Everyone's own notifications and preferences: any signed-in user, never anyone else's. */
@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly preferences: NotificationPreferencesService,
    private readonly liveFeed: NotificationLiveFeed,
    private readonly subjects: SubjectRegistry,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  @CheckPolicies(anySignedInUser)
  async notifications(
    @CurrentActor() actor: Actor,
    @Args() args: NotificationsArgs,
  ): Promise<Connection<NotificationModel>> {
    return mapConnection(await this.inbox.list(actor.userId, args), toNotificationModel);
  }

  @Query(() => Int, { description: 'How many of your notifications are unread (the bell).' })
  @CheckPolicies(anySignedInUser)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.unreadCount(actor.userId);
  }

  @Mutation(() => Int, {
    description: 'Marks your notifications read (the ones named, or all); returns how many changed.',
  })
  @CheckPolicies(anySignedInUser)
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args() { ids }: MarkNotificationsReadArgs,
  ): Promise<number> {
    return this.inbox.markRead(actor.userId, ids);
  }

  @Query(() => NotificationPreferencesModel, {
    description: 'How each type of notification reaches you, per channel.',
  })
  @CheckPolicies(anySignedInUser)
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesModel> {
    return this.preferences.get(actor.userId);
  }

  @Mutation(() => NotificationPreferencesModel)
  @CheckPolicies(anySignedInUser)
  updateNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    return this.preferences.update(actor.userId, input);
  }

  @Subscription(() => NotificationModel, {
    description: 'Your new notifications as they arrive (graphql-ws; `connectionParams.authorization`).',
    // Each message is worded afresh: a live subscription's context lasts as long as the connection.
    // The sign-in ended meanwhile: the last message is UNAUTHENTICATED, then the stream completes.
    resolve: (event: LiveNotification, _args: unknown, context: GraphqlContext) => {
      if (event === SESSION_ENDED) throw new UnauthenticatedError('error.sessionExpired');
      context.loaders.clear();
      return event;
    },
  })
  @CheckPolicies(anySignedInUser)
  notificationAdded(@CurrentActor() actor: Actor) {
    return this.liveFeed.of(actor);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The title of what it is about; null if it is gone.',
  })
  subjectTitle(@Parent() notification: NotificationModel, @Context() context: GraphqlContext) {
    return subjectTitleOf(notification, context, this.subjects);
  }

  @ResolveField(() => String, { description: 'One line, in your language.' })
  async title(
    @Parent() notification: NotificationModel,
    @Context() context: GraphqlContext,
  ): Promise<string> {
    return (await this.text(notification, context)).title;
  }

  @ResolveField(() => String, { description: 'A sentence or two saying what happened, in your language.' })
  async body(@Parent() notification: NotificationModel, @Context() context: GraphqlContext): Promise<string> {
    return (await this.text(notification, context)).body;
  }

  private async text(notification: NotificationModel, context: GraphqlContext) {
    const subjectTitle = (await subjectTitleOf(notification, context, this.subjects)) ?? '';
    return notificationText(notification.type, notification.payload, subjectTitle, contextLocale(context));
  }
}
