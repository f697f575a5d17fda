export * from './lib/notifications.routes';
export { NotificationBell } from './lib/bell/notification-bell';
export { type NotificationItem, NotificationsStore } from './lib/data-access/notifications.store';
