import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { REASON_CODES, type ActionStatus, type ReasonCode } from '@convergence/shared/domain';
import {
  type ApiError,
  applyFieldErrors,
  focusFirstInvalid,
  PermissionsService,
  toApiError,
} from '@convergence/web/core';
import { ErrorPanel } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { needsReason, statusRightsOf, statusTargets } from '../action-rules';
import {
  type ActionCardFragment,
  type ActionDetailFragment,
  UpdateActionStatusDocument,
} from '../data-access/generated';

/** The fields of UpdateActionStatusInput a person fills in; api field errors land under them. */
const FORM_FIELDS = ['status', 'note', 'reasonCode'] as const;
type FormField = (typeof FORM_FIELDS)[number];

let nextFormId = 0;

/**
 * Moves one action along its workflow: a disclosure button opens a small form (the allowed next
 * statuses only, a note, a reason when blocking or cancelling). Shown only to those who may `report`
 * on the action (its responsible organisation) or `update` it (ministry, admins). On CONFLICT it
 * says so, asks the page to reload the action (`conflict`) and keeps what was typed.
 */
@Component({
  selector: 'cv-action-status-change',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorPanel,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-status-change.html',
  styleUrl: './action-status-change.scss',
})
export class ActionStatusChange {
  private readonly apollo = inject(Apollo);
  private readonly permissions = inject(PermissionsService);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  readonly action = input.required<ActionCardFragment>();
  /** The action as the api answered after the change. */
  readonly changed = output<ActionDetailFragment>();
  /** Someone else changed the action meanwhile: the page reloads it (a new `action` arrives). */
  readonly conflict = output<void>();

  protected readonly reasonCodes = REASON_CODES;
  protected readonly formId = `cv-action-status-form-${nextFormId++}`;
  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly updatedMeanwhile = signal(false);

  protected readonly targets = computed<ActionStatus[]>(() => {
    const action = this.action();
    return statusTargets(
      action.status,
      statusRightsOf(this.permissions.ability(), action.responsibleOrganization.id),
    );
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as ActionStatus | '', Validators.required],
    note: ['', [Validators.required, Validators.maxLength(2000)]],
    reasonCode: ['' as ReasonCode | ''],
  });
  private readonly chosenStatus = toSignal(this.form.controls.status.valueChanges, {
    initialValue: '' as const,
  });
  protected readonly reasonNeeded = computed(() => needsReason(this.chosenStatus()));

  protected toggle(): void {
    if (this.open()) {
      this.close();
      return;
    }
    this.open.set(true);
    this.focusAfterRender('select');
  }

  protected close(): void {
    this.open.set(false);
    this.reset();
    this.focusAfterRender('.cv-status-toggle');
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    // Errors set by the last try (the api's, or a missing reason) are judged afresh.
    for (const field of FORM_FIELDS) this.form.controls[field].updateValueAndValidity();
    const { status, note, reasonCode } = this.form.getRawValue();
    if (!note.trim()) this.form.controls.note.setErrors({ required: true });
    if (needsReason(status) && !reasonCode) this.form.controls.reasonCode.setErrors({ required: true });
    this.form.markAllAsTouched();
    if (this.form.invalid || !status) {
      focusFirstInvalid(this.host, this.form.controls);
      return;
    }
    this.busy.set(true);
    const action = this.action();
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: UpdateActionStatusDocument,
          variables: {
            input: {
              id: action.id,
              version: action.version,
              status,
              note: note.trim(),
              reasonCode: needsReason(status) && reasonCode ? reasonCode : null,
            },
          },
        }),
      );
      const updated = result.data?.updateActionStatus;
      if (!updated) throw new Error('updateActionStatus answered no action');
      this.updatedMeanwhile.set(false);
      this.open.set(false);
      this.reset();
      this.changed.emit(updated);
    } catch (caught) {
      this.fail(toApiError(caught));
    } finally {
      this.busy.set(false);
    }
  }

  protected fieldError(field: FormField): string | null {
    const errors = this.form.controls[field].errors;
    if (!errors) return null;
    const server: unknown = errors['server'];
    return typeof server === 'string' ? server : null;
  }

  private fail(error: ApiError): void {
    if (error.code === 'CONFLICT') {
      // The form stays as typed; the page reloads the action, so the next try sends its new version.
      this.updatedMeanwhile.set(true);
      this.conflict.emit();
      return;
    }
    this.updatedMeanwhile.set(false);
    applyFieldErrors(this.form.controls, error.fields);
    this.error.set(error);
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private reset(): void {
    this.form.reset();
    this.error.set(null);
    this.updatedMeanwhile.set(false);
  }
}
