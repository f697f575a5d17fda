export * from './lib/comment.entity';
export * from './lib/comment-revision.entity';
export * from './lib/discussion.module';
