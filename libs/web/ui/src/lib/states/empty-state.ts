import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Nothing to show yet: what this place is for and, projected inside, what to do about it. */
@Component({
  selector: 'cv-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-empty-state">
      <p class="cv-empty-title">{{ title() }}</p>
      @if (hint()) {
        <p class="cv-empty-hint">{{ hint() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    .cv-empty-state {
      padding: 1.5rem 1rem;
      text-align: center;
      border: 1px dashed var(--mat-sys-outline-variant);
      border-radius: 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .cv-empty-title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }
    .cv-empty-hint {
      margin: 0 0 0.5rem;
    }
  `,
})
export class EmptyState {
  /** Already translated. */
  readonly title = input.required<string>();
  readonly hint = input<string>('');
}
