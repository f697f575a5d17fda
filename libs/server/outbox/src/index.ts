export * from './lib/outbox-event.entity';
export * from './lib/publish-event';
export * from './lib/publish-change';
export * from './lib/queues';
export * from './lib/outbox.module';
