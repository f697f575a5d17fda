export * from './lib/audit-history/audit-history';
export * from './lib/discussion-thread/discussion-thread';
export * from './lib/follow-button/follow-button';
export type { SubjectType } from './lib/data-access/subject-ref';
