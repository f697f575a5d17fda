import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type BadgeTone, Badge } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CommitmentStatus } from '../data-access/generated';
import { daysLate } from '../model/late';

const TONES: Readonly<Record<CommitmentStatus, BadgeTone>> = {
  PLANNED: 'neutral',
  IN_PROGRESS: 'info',
  DECLARED: 'warning',
  FULFILLED: 'success',
  PARTIALLY_FULFILLED: 'warning',
  CANCELLED: 'neutral',
};

/** The status badge and, when late, "late by N days" in words (never by colour alone). */
@Component({
  selector: 'cv-commitment-status',
  imports: [Badge, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="cv-commitment-status">
      <cv-badge [tone]="tone()">{{ 'commitmentStatus.' + status() | transloco }}</cv-badge>
      @if (late()) {
        <cv-badge tone="danger">
          @if (days() === 1) {
            {{ 'commitments.late.oneDay' | transloco }}
          } @else {
            {{ 'commitments.late.days' | transloco: { count: days() } }}
          }
        </cv-badge>
      }
    </span>
  `,
  styles: `
    .cv-commitment-status {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
  `,
})
export class CommitmentStatusBadges {
  readonly status = input.required<CommitmentStatus>();
  readonly late = input(false);
  readonly dueDate = input.required<string>();

  protected readonly tone = computed(() => TONES[this.status()]);
  protected readonly days = computed(() => daysLate(this.dueDate()));
}
