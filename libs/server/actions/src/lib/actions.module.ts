import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActionEntity } from './action.entity';
import { ActionResolver } from './action.resolver';
import { ActionService } from './action.service';

@Module({
  imports: [TypeOrmModule.forFeature([ActionEntity])],
  providers: [ActionService, ActionResolver],
  exports: [ActionService],
})
export class ActionsModule {}
