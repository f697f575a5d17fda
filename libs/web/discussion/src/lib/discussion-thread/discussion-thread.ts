import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { SubjectType } from '../data-access/subject-ref';

// PLACEHOLDER (being built by the discussion helper): final selector and inputs.
@Component({
  selector: 'cv-discussion-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '',
})
export class DiscussionThread {
  readonly subjectType = input.required<SubjectType>();
  readonly subjectId = input.required<string>();
}
