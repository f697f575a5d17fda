import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '@convergence/server/users';
import { AuditEventEntity } from './audit-event.entity';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';
import { SubjectRegistry } from './subject-registry';

/** Global: every domain module registers its subject's read check in the one registry. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity]), UsersModule],
  providers: [SubjectRegistry, AuditTrailService, AuditTrailResolver],
  exports: [SubjectRegistry],
})
export class AuditModule {}
