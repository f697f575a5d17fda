export * from './lib/notification.entity';
export * from './lib/notification-delivery.entity';
export * from './lib/notification-preference.entity';
export * from './lib/follow.entity';
export * from './lib/notifications.module';
