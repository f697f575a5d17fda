import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A short status label (project status, health, late…). The text carries the meaning; colour helps. */
@Component({
  selector: 'cv-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="cv-badge" [attr.data-tone]="tone()"><ng-content /></span>`,
  styles: `
    .cv-badge {
      display: inline-block;
      padding: 0.125rem 0.5rem;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    [data-tone='info'] {
      background: #dbe9ff;
      color: #0b3a75;
    }
    [data-tone='success'] {
      background: #d7f5dd;
      color: #0d5022;
    }
    [data-tone='warning'] {
      background: #ffe9c2;
      color: #6b3d00;
    }
    [data-tone='danger'] {
      background: #ffdad6;
      color: #8c1d18;
    }
  `,
})
export class Badge {
  readonly tone = input<BadgeTone>('neutral');
}
