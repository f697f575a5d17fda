import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DatePipe, MoneyPipe, NumberPipe, PercentPipe } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ValueView } from './audit-values';

/** One value of a change in the audit history, formatted in the reader's language. */
@Component({
  selector: 'cv-audit-value',
  imports: [TranslocoPipe, DatePipe, MoneyPipe, NumberPipe, PercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let view = value();
    @switch (view.kind) {
      @case ('none') {
        <span class="cv-audit-none">{{ 'common.notSet' | transloco }}</span>
      }
      @case ('text') {
        @if (view.kind === 'text') {
          {{ view.text }}
        }
      }
      @case ('key') {
        @if (view.kind === 'key') {
          {{ view.key | transloco: view.params }}
        }
      }
      @case ('money') {
        @if (view.kind === 'money') {
          {{ view.value | cvMoney }}
        }
      }
      @case ('number') {
        @if (view.kind === 'number') {
          {{ view.value | cvNumber: 6 }}
        }
      }
      @case ('percent') {
        @if (view.kind === 'percent') {
          {{ view.value | cvPercent }}
        }
      }
      @case ('date') {
        @if (view.kind === 'date') {
          {{ view.value | cvDate: view.style }}
        }
      }
    }
  `,
  styles: `
    .cv-audit-none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class AuditValue {
  readonly value = input.required<ValueView>();
}
