export * from './lib/comment.entity';
export * from './lib/comment-revision.entity';
export * from './lib/comment.model';
export * from './lib/comment-events';
export * from './lib/comment.service';
export * from './lib/discussion.module';
