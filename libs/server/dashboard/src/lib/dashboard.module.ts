import { Module } from '@nestjs/common';
import { TerritoriesModule } from '@convergence/server/territories';
import { CommuneFiguresResolver, DashboardResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

/** The overview of a territory: KPIs, scorecard, overdue items and per-commune figures. */
@Module({
  imports: [TerritoriesModule],
  providers: [DashboardService, DashboardResolver, CommuneFiguresResolver],
})
export class DashboardModule {}
