import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { REASON_CODES } from '@convergence/shared/domain';
import {
  type ApiError,
  applyFieldErrors,
  DatePipe,
  focusFirstInvalid,
  MoneyPipe,
  toApiError,
} from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom, merge } from 'rxjs';
import {
  type ProjectDetailFragment,
  type ProjectStatus,
  type ReasonCode,
  ReportProjectProgressDocument,
  type ReportProjectProgressInput,
  type ReportedKeyFiguresInput,
} from '../data-access/generated';
import {
  AMOUNT_INTEGER_DIGITS,
  countValidator,
  decimalEquals,
  decimalValidator,
  HECTARES_INTEGER_DIGITS,
  MAX_NOTE_LENGTH,
  needsReason,
  normalizeDecimal,
  notBlankValidator,
  progressValidator,
  reportableStatuses,
} from './report-rules';

/** What the form needs of a project. */
export type ReportableProject = Pick<
  ProjectDetailFragment,
  | 'id'
  | 'version'
  | 'status'
  | 'physicalProgress'
  | 'spentAmount'
  | 'keyFigures'
  | 'startDate'
  | 'plannedEndDate'
>;

type FieldName =
  | 'status'
  | 'physicalProgress'
  | 'spentAmount'
  | 'housingUnitsDelivered'
  | 'householdsRelocated'
  | 'hectares'
  | 'plannedEndDate'
  | 'reasonCode'
  | 'note';

/** The api's field paths (without `input.`) that the form names differently; the others match. */
const FIELD_ALIASES: Readonly<Record<string, FieldName>> = {
  'keyFigures.housingUnitsDelivered': 'housingUnitsDelivered',
  'keyFigures.householdsRelocated': 'householdsRelocated',
  'keyFigures.hectares': 'hectares',
};

/**
 * The lead subsidiary's progress report: status (allowed transitions only), physical progress,
 * amount spent, delivered key figures, planned end, the reason when the server will want one, and
 * a note. Fields start at the project's current values; only what changed is sent, with the
 * version read. When someone else reported first (CONFLICT) the page reloads the project: fields
 * left untouched take the fresh values, what was typed stays.
 */
@Component({
  selector: 'cv-report-progress-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    MoneyPipe,
    DatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-progress-form.html',
  styleUrl: './report-progress-form.scss',
})
export class ReportProgressForm {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly project = input.required<ReportableProject>();
  /** The report was filed. */
  readonly reported = output<void>();
  /** Someone else changed the project first: reload it (this form keeps its values). */
  readonly conflicted = output<void>();
  readonly cancelled = output<void>();

  protected readonly reasonCodes = REASON_CODES;
  protected readonly maxNoteLength = MAX_NOTE_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as ProjectStatus | '', [(control: AbstractControl<string>) => this.statusError(control)]],
    physicalProgress: [
      null as number | null,
      [
        Validators.required,
        progressValidator,
        (control: AbstractControl<number | null>) => this.deliveredError(control),
      ],
    ],
    spentAmount: ['', [Validators.required, decimalValidator(AMOUNT_INTEGER_DIGITS)]],
    housingUnitsDelivered: [null as number | null, [Validators.required, countValidator]],
    householdsRelocated: [null as number | null, [Validators.required, countValidator]],
    hectares: ['', [Validators.required, decimalValidator(HECTARES_INTEGER_DIGITS)]],
    plannedEndDate: ['', [(control: AbstractControl<string>) => this.endBeforeStartError(control)]],
    reasonCode: ['' as ReasonCode | '', [(control: AbstractControl<string>) => this.reasonError(control)]],
    note: ['', [notBlankValidator, Validators.maxLength(MAX_NOTE_LENGTH)]],
  });

  private readonly value = signal(this.form.getRawValue());
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly updatedMeanwhile = signal(false);

  protected readonly statuses = computed(() => reportableStatuses(this.project().status));
  protected readonly reasonRequired = computed(() => {
    const { status, plannedEndDate } = this.value();
    return needsReason(this.project(), status || this.project().status, plannedEndDate);
  });
  /** The amount typed, as money, so that long figures are easy to check. */
  protected readonly spentPreview = computed(() => {
    const spent = normalizeDecimal(this.value().spentAmount);
    return this.form.controls.spentAmount.valid && spent ? spent : null;
  });

  constructor() {
    const controls = this.form.controls;
    // The rules that read other fields are checked again when those change.
    merge(controls.status.valueChanges, controls.plannedEndDate.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        controls.physicalProgress.updateValueAndValidity({ emitEvent: false });
        controls.reasonCode.updateValueAndValidity({ emitEvent: false });
      });
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.value.set(this.form.getRawValue()));

    // The project's current values fill the fields the user has not touched, now and after a reload.
    effect(() => {
      const project = this.project();
      untracked(() => this.fill(project));
    });
  }

  protected hasError(name: FieldName, error: string): boolean {
    return this.form.controls[name].hasError(error);
  }

  protected serverError(name: FieldName): string | null {
    const errors: ValidationErrors | null = this.form.controls[name].errors;
    const message: unknown = errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.updatedMeanwhile.set(false);
    this.revalidate();
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host, this.form.controls);
      return;
    }
    this.busy.set(true);
    try {
      await firstValueFrom(
        this.apollo.mutate({ mutation: ReportProjectProgressDocument, variables: { input: this.input() } }),
      );
      this.reported.emit();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT') {
        this.updatedMeanwhile.set(true);
        this.conflicted.emit();
      } else {
        applyFieldErrors(this.form.controls, error.fields, { aliases: FIELD_ALIASES });
        this.error.set(error);
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  /** Only what differs from the project as last read; what is left out keeps its value. */
  private input(): ReportProjectProgressInput {
    const project = this.project();
    const value = this.form.getRawValue();
    const status = value.status || project.status;
    const spentAmount = normalizeDecimal(value.spentAmount);
    const hectares = normalizeDecimal(value.hectares);
    const keyFigures: { -readonly [K in keyof ReportedKeyFiguresInput]: ReportedKeyFiguresInput[K] } = {};
    if (value.housingUnitsDelivered !== project.keyFigures.housingUnitsDelivered) {
      keyFigures.housingUnitsDelivered = value.housingUnitsDelivered;
    }
    if (value.householdsRelocated !== project.keyFigures.householdsRelocated) {
      keyFigures.householdsRelocated = value.householdsRelocated;
    }
    if (!decimalEquals(hectares, project.keyFigures.hectares)) keyFigures.hectares = hectares;
    const movesEnd = value.plannedEndDate !== '' && value.plannedEndDate !== project.plannedEndDate;
    return {
      projectId: project.id,
      version: project.version,
      note: value.note.trim(),
      ...(status !== project.status ? { status } : {}),
      ...(value.physicalProgress !== project.physicalProgress
        ? { physicalProgress: value.physicalProgress }
        : {}),
      ...(!decimalEquals(spentAmount, project.spentAmount) ? { spentAmount } : {}),
      ...(Object.keys(keyFigures).length ? { keyFigures } : {}),
      ...(movesEnd ? { plannedEndDate: value.plannedEndDate } : {}),
      ...(this.reasonRequired() && value.reasonCode ? { reasonCode: value.reasonCode } : {}),
    };
  }

  private fill(project: ReportableProject): void {
    const current = {
      status: project.status,
      physicalProgress: project.physicalProgress,
      spentAmount: project.spentAmount,
      housingUnitsDelivered: project.keyFigures.housingUnitsDelivered,
      householdsRelocated: project.keyFigures.householdsRelocated,
      hectares: project.keyFigures.hectares,
      plannedEndDate: project.plannedEndDate ?? '',
    };
    const controls = this.form.controls;
    for (const name of Object.keys(current) as (keyof typeof current)[]) {
      const control = controls[name] as AbstractControl<unknown>;
      if (control.pristine) control.setValue(current[name], { emitEvent: false });
    }
    this.revalidate();
    this.value.set(this.form.getRawValue());
  }

  /** Every rule again, those that read the project included. */
  private revalidate(): void {
    for (const control of Object.values(this.form.controls))
      control.updateValueAndValidity({ emitEvent: false });
    this.form.updateValueAndValidity({ emitEvent: false });
  }

  private statusError(control: AbstractControl<string>): ValidationErrors | null {
    if (!this.form || !control.value) return null;
    return (reportableStatuses(this.project().status) as string[]).includes(control.value)
      ? null
      : { statusNotAllowed: true };
  }

  private deliveredError(control: AbstractControl<number | null>): ValidationErrors | null {
    if (!this.form) return null;
    return this.form.controls.status.value === 'DELIVERED' && control.value !== null && control.value !== 100
      ? { deliveredNeedsFullProgress: true }
      : null;
  }

  private endBeforeStartError(control: AbstractControl<string>): ValidationErrors | null {
    if (!this.form) return null;
    const start = this.project().startDate;
    return start && control.value && control.value < start ? { endBeforeStart: true } : null;
  }

  private reasonError(control: AbstractControl<string>): ValidationErrors | null {
    if (!this.form || control.value) return null;
    const { status, plannedEndDate } = this.form.getRawValue();
    return needsReason(this.project(), status || this.project().status, plannedEndDate)
      ? { reasonRequired: true }
      : null;
  }
}
