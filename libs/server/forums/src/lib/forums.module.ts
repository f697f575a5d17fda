import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ForumEntity } from './forum.entity';
import { ForumResolver } from './forum.resolver';
import { ForumService } from './forum.service';

@Module({
  imports: [TypeOrmModule.forFeature([ForumEntity])],
  providers: [ForumService, ForumResolver],
  exports: [ForumService],
})
export class ForumsModule {}
