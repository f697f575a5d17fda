import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommentRevisionEntity } from './comment-revision.entity';
import { CommentEntity } from './comment.entity';

@Module({ imports: [TypeOrmModule.forFeature([CommentEntity, CommentRevisionEntity])] })
export class DiscussionModule {}
