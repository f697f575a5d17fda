import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';

/** What the panel needs of an ApiError (web/core): the api's localised message, else its code. */
export interface ErrorPanelError {
  readonly code: string;
  readonly message: string | null;
}

/**
 * A failed load or action, announced to screen readers (role="alert"): the api's message in the
 * user's language when it gave one, else the generic text for the error code; optional retry.
 */
@Component({
  selector: 'cv-error-panel',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-error-panel" role="alert">
      <p>{{ error().message ?? ('errors.' + error().code | transloco) }}</p>
      @if (retryable()) {
        <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'common.retry' | transloco }}</button>
      }
    </div>
  `,
  styles: `
    .cv-error-panel {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0;
    }
  `,
})
export class ErrorPanel {
  readonly error = input.required<ErrorPanelError>();
  readonly retryable = input(false);
  readonly retry = output<void>();
}
