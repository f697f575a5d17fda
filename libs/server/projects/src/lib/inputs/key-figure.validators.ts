import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { IsNonNegativeDecimal } from '@convergence/server/core';

/**
 * The most housing units or households one project may count: far above the largest operations
 * (tens of thousands of units for a new town), and a bound that keeps the integer columns and the
 * dashboard's sums of them far from overflowing.
 */
export const MAX_KEY_FIGURE_COUNT = 1_000_000;

/** A count of housing units or households: a whole number from 0 to `MAX_KEY_FIGURE_COUNT`. */
export function IsKeyFigureCount(): PropertyDecorator {
  return applyDecorators(
    IsInt(),
    Min(0, { context: { min: 0 } }),
    Max(MAX_KEY_FIGURE_COUNT, { context: { max: MAX_KEY_FIGURE_COUNT } }),
  );
}

/** Hectares, as the `numeric(10,2)` columns of projects and progress reports hold them. */
export function IsHectares(): PropertyDecorator {
  return IsNonNegativeDecimal(2, 8);
}
