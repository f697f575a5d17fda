import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { SubjectRegistry } from './subject-registry';

/** Global: every domain module registers its subject's read check in the one registry. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [SubjectRegistry],
  exports: [SubjectRegistry],
})
export class AuditModule {}
