import { Field, ObjectType } from '@nestjs/graphql';
import type { DeliveryMode, NotificationChannel, NotificationType } from '@convergence/shared/domain';
import { DeliveryModeEnum, NotificationChannelEnum, NotificationTypeEnum } from './notification-enums';

@ObjectType('NotificationPreference', {
  description: 'How one type of notification reaches you on one channel.',
})
export class NotificationPreferenceModel {
  @Field(() => NotificationTypeEnum)
  type!: NotificationType;

  @Field(() => NotificationChannelEnum)
  channel!: NotificationChannel;

  @Field(() => DeliveryModeEnum)
  mode!: DeliveryMode;

  @Field({ description: 'True when you have not chosen: the mode is the platform default.' })
  isDefault!: boolean;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field(() => [NotificationPreferenceModel], { description: 'Every type × channel, in a fixed order.' })
  entries!: NotificationPreferenceModel[];
}
