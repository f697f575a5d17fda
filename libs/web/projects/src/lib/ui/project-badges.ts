import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Badge, type BadgeTone } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Health, ProjectStatus } from '../data-access/generated';

export const STATUS_TONES: Readonly<Record<ProjectStatus, BadgeTone>> = {
  PROGRAMMED: 'neutral',
  STUDIES: 'info',
  WORKS: 'info',
  DELIVERED: 'success',
  SUSPENDED: 'warning',
  CANCELLED: 'danger',
};

export const HEALTH_TONES: Readonly<Record<Health, BadgeTone>> = {
  ON_TRACK: 'success',
  AT_RISK: 'warning',
  OFF_TRACK: 'danger',
};

/** A project's status as a badge: the words carry the meaning, the colour helps. */
@Component({
  selector: 'cv-project-status-badge',
  imports: [Badge, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cv-badge [tone]="tones[status()]">{{ 'projectStatus.' + status() | transloco }}</cv-badge>`,
})
export class ProjectStatusBadge {
  readonly status = input.required<ProjectStatus>();
  protected readonly tones = STATUS_TONES;
}

/** A project's health; nothing once it is delivered or cancelled (the api says null). */
@Component({
  selector: 'cv-project-health-badge',
  imports: [Badge, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let value = health();
    @if (value) {
      <cv-badge [tone]="tones[value]">{{ 'health.' + value | transloco }}</cv-badge>
    }
  `,
})
export class ProjectHealthBadge {
  readonly health = input.required<Health | null>();
  protected readonly tones = HEALTH_TONES;
}
