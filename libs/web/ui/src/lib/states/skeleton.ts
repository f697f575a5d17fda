import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * Grey placeholder lines while a page loads. Screen readers hear "Loading…" once (polite status),
 * not the placeholder shapes.
 */
@Component({
  selector: 'cv-skeleton',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-skeleton" role="status" aria-live="polite">
      <span class="cv-visually-hidden">{{ 'common.loading' | transloco }}</span>
      @for (line of lineIndexes(); track line) {
        <div class="cv-skeleton-line" aria-hidden="true"></div>
      }
    </div>
  `,
  styles: `
    .cv-skeleton {
      display: grid;
      gap: 0.75rem;
      padding-block: 0.5rem;
    }
    .cv-skeleton-line {
      block-size: 1rem;
      border-radius: 4px;
      background: linear-gradient(
        90deg,
        var(--mat-sys-surface-container) 25%,
        var(--mat-sys-surface-container-high) 50%,
        var(--mat-sys-surface-container) 75%
      );
      background-size: 200% 100%;
      animation: cv-shimmer 1.4s ease-in-out infinite;
    }
    .cv-skeleton-line:nth-child(3n) {
      inline-size: 60%;
    }
    @media (prefers-reduced-motion: reduce) {
      .cv-skeleton-line {
        animation: none;
      }
    }
    @keyframes cv-shimmer {
      from {
        background-position: 200% 0;
      }
      to {
        background-position: -200% 0;
      }
    }
  `,
})
export class Skeleton {
  readonly lines = input(3);
  protected readonly lineIndexes = computed(() => Array.from({ length: this.lines() }, (_, index) => index));
}
