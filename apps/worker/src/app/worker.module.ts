import { Module, type DynamicModule } from '@nestjs/common';
import { InfrastructureModule, type AppConfig } from '@convergence/server/core';

/**
 * The worker process: BullMQ processors of every domain are imported here as they arrive
 * (`<domain>-worker.module.ts`, ARCHITECTURE.md). For now it holds the shared infrastructure only.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [InfrastructureModule.forRoot(config)] };
  }
}
