import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** One key figure: label, value (already formatted) and an optional line under it. */
@Component({
  selector: 'cv-kpi-tile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-kpi-tile" [class.cv-kpi-alert]="alert()">
      <span class="cv-kpi-label">{{ label() }}</span>
      <span class="cv-kpi-value">{{ value() }}</span>
      @if (detail()) {
        <span class="cv-kpi-detail">{{ detail() }}</span>
      }
    </div>
  `,
  styles: `
    .cv-kpi-tile {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      padding: 1rem;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      block-size: 100%;
      box-sizing: border-box;
    }
    .cv-kpi-label {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-kpi-value {
      font: var(--mat-sys-headline-small);
    }
    .cv-kpi-detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-kpi-alert {
      border-color: var(--mat-sys-error);
    }
    .cv-kpi-alert .cv-kpi-value {
      color: var(--mat-sys-error);
    }
  `,
})
export class KpiTile {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly detail = input<string>('');
  /** Draws attention (late, overdue) with colour and border; the text says it too. */
  readonly alert = input(false);
}
