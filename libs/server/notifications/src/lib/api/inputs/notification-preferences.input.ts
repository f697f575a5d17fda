import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import {
  DELIVERY_MODES,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type DeliveryMode,
  type NotificationChannel,
  type NotificationType,
} from '@convergence/shared/domain';
import { DeliveryModeEnum, NotificationChannelEnum, NotificationTypeEnum } from '../notification-enums';

/** Enough for every type × channel at once. */
export const MAX_PREFERENCE_ENTRIES = 100;

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationTypeEnum)
  @IsIn(NOTIFICATION_TYPES)
  type!: NotificationType;

  @Field(() => NotificationChannelEnum)
  @IsIn(NOTIFICATION_CHANNELS)
  channel!: NotificationChannel;

  @Field(() => DeliveryModeEnum, { description: 'IN_APP: IMMEDIATE or OFF only.' })
  @IsIn(DELIVERY_MODES)
  mode!: DeliveryMode;
}

@InputType()
export class NotificationPreferencesInput {
  @Field(() => [NotificationPreferenceInput], {
    description: `The choices to change (at most ${MAX_PREFERENCE_ENTRIES}); others stay as they are. Choosing the default forgets the choice.`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_PREFERENCE_ENTRIES, { context: { max: MAX_PREFERENCE_ENTRIES } })
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceInput)
  entries!: NotificationPreferenceInput[];
}
