import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MoneyPipe, NumberPipe } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';

/** What was promised (or declared): an amount in MAD, else a quantity with its unit. */
@Component({
  selector: 'cv-commitment-figure',
  imports: [MoneyPipe, NumberPipe, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (amount() !== null) {
      <span class="cv-figure">{{ amount() | cvMoney }}</span>
    }
    @if (amount() !== null && quantity() !== null) {
      <span> · </span>
    }
    @if (quantity() !== null) {
      <span class="cv-figure">{{ quantity() | cvNumber }} {{ unit() }}</span>
    }
    @if (amount() === null && quantity() === null) {
      <span>{{ 'common.notSet' | transloco }}</span>
    }
  `,
  styles: `
    .cv-figure {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class CommitmentFigure {
  readonly amount = input<string | null>(null);
  readonly quantity = input<string | null>(null);
  readonly unit = input<string | null>(null);
}
