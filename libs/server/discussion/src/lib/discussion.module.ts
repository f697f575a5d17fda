import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@convergence/server/notifications';
import { UsersModule } from '@convergence/server/users';
import { CommentRevisionEntity } from './comment-revision.entity';
import { CommentEntity } from './comment.entity';
import { CommentResolver } from './comment.resolver';
import { CommentService } from './comment.service';

/** Comments on subjects; the permission to read a subject comes from the global `SubjectRegistry`. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity, CommentRevisionEntity]),
    UsersModule,
    NotificationsModule,
  ],
  providers: [CommentService, CommentResolver],
  exports: [CommentService],
})
export class DiscussionModule {}
