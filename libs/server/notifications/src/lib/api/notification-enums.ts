import { registerStringEnum } from '@convergence/server/core';
import { DELIVERY_MODES, NOTIFICATION_CHANNELS, NOTIFICATION_TYPES } from '@convergence/shared/domain';

export const NotificationTypeEnum = registerStringEnum(
  NOTIFICATION_TYPES,
  'NotificationType',
  'What a notification is about (PRODUCT.md, "What gets notified").',
);

export const NotificationChannelEnum = registerStringEnum(
  NOTIFICATION_CHANNELS,
  'NotificationChannel',
  'Where a notification reaches you: in the app (the bell, live) or by e-mail.',
);

export const DeliveryModeEnum = registerStringEnum(
  DELIVERY_MODES,
  'DeliveryMode',
  'When a channel delivers a type: at once, in a daily or weekly digest, or never.',
);
