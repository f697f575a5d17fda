import { Module } from '@nestjs/common';

/** The overview of a territory: KPIs, scorecard, overdue items and per-commune figures. */
@Module({})
export class DashboardModule {}
