import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SubjectType } from '../data-access/subject-ref';

// PLACEHOLDER (being built by the discussion helper): final selector and inputs.
@Component({
  selector: 'cv-follow-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class FollowButton {
  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();
}
