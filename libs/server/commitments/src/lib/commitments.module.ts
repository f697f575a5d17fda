import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentResolver } from './commitment.resolver';
import { CommitmentService } from './commitment.service';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity])],
  providers: [CommitmentService, CommitmentResolver],
  exports: [CommitmentService],
})
export class CommitmentsModule {}
