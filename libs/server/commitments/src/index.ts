export * from './lib/convention.entity';
export * from './lib/commitment.entity';
export * from './lib/commitment-fulfilment.entity';
export * from './lib/commitment-due-date-change.entity';
export * from './lib/commitment-late';
export * from './lib/commitment.model';
export * from './lib/commitment.service';
export * from './lib/commitments.module';
