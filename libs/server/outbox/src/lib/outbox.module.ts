import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

/** The outbox table; writers call `publishEvent(manager, …)` inside their own transaction. */
@Module({ imports: [TypeOrmModule.forFeature([OutboxEventEntity])] })
export class OutboxModule {}
