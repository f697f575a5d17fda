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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ORGANIZATION_KINDS } from '@convergence/shared/domain';
import {
  type ApiError,
  applyFieldErrors,
  focusFirstInvalid,
  TerritoryPicker,
  toApiError,
} from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  AdminCreateOrganizationDocument,
  type AdminOrganizationRowFragment,
  AdminUpdateOrganizationDocument,
  type OrganizationKind,
  type UpdateOrganizationInput,
} from '../data-access/generated';

/** The api's limits (CreateOrganizationInput). */
export const MAX_ORGANIZATION_NAME_LENGTH = 200;
export const MAX_ACRONYM_LENGTH = 40;

/**
 * Creates an organisation (no `organization`) or changes one: name, acronym, kind and territory of
 * competence (none: national), which sets what its users may see.
 */
@Component({
  selector: 'cv-organization-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    TerritoryPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organization-form.html',
  styleUrl: '../forms/admin-form.scss',
})
export class OrganizationForm {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly organization = input<AdminOrganizationRowFragment | null>(null);
  readonly saved = output<AdminOrganizationRowFragment>();
  readonly conflicted = output<void>();
  readonly cancelled = output<void>();

  protected readonly kinds = ORGANIZATION_KINDS;
  protected readonly maxName = MAX_ORGANIZATION_NAME_LENGTH;
  protected readonly maxAcronym = MAX_ACRONYM_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(MAX_ORGANIZATION_NAME_LENGTH)]],
    acronym: ['', [Validators.maxLength(MAX_ACRONYM_LENGTH)]],
    kind: ['OTHER_PARTNER' as OrganizationKind, [Validators.required]],
  });
  /** Its territory of competence; null: national. */
  protected readonly territoryCode = signal<string | null>(null);
  protected readonly territoryError = signal<string | null>(null);

  protected readonly editing = computed(() => this.organization() !== null);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly headingId = `cv-organization-form-${nextId++}`;

  private filledFor: string | null | undefined = undefined;
  /** The territory was chosen in the picker (not just filled from the organisation). */
  private territoryChosen = false;

  constructor() {
    effect(() => {
      const organization = this.organization();
      untracked(() => this.fill(organization));
    });
  }

  protected chooseTerritory(code: string | null): void {
    this.territoryCode.set(code);
    this.territoryChosen = true;
    this.territoryError.set(null);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host, this.form.controls);
      return;
    }
    const organization = this.organization();
    const changes = organization ? this.changesOf(organization) : null;
    if (organization && changes && Object.keys(changes).length === 0) {
      this.cancelled.emit();
      return;
    }
    this.busy.set(true);
    try {
      this.saved.emit(
        organization && changes ? await this.update(organization, changes) : await this.create(),
      );
    } catch (caught) {
      this.fail(toApiError(caught));
    } finally {
      this.busy.set(false);
    }
  }

  private async create(): Promise<AdminOrganizationRowFragment> {
    const { name, acronym, kind } = this.form.getRawValue();
    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: AdminCreateOrganizationDocument,
        variables: {
          input: {
            name: name.trim(),
            acronym: acronym.trim() || null,
            kind,
            territoryCode: this.territoryCode(),
          },
        },
      }),
    );
    if (!result.data) throw new Error('createOrganization answered no data');
    return result.data.createOrganization;
  }

  private async update(
    organization: AdminOrganizationRowFragment,
    input: UpdateOrganizationInput,
  ): Promise<AdminOrganizationRowFragment> {
    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: AdminUpdateOrganizationDocument,
        variables: { id: organization.id, version: organization.version, input },
      }),
    );
    if (!result.data) throw new Error('updateOrganization answered no data');
    return result.data.updateOrganization;
  }

  /**
   * Only what the user typed and that differs from the organisation as last read: a field left
   * untouched is never sent, so a retry after CONFLICT does not undo what someone else changed.
   */
  private changesOf(organization: AdminOrganizationRowFragment): UpdateOrganizationInput {
    const { name, acronym, kind } = this.form.getRawValue();
    const { controls } = this.form;
    const changes: { -readonly [K in keyof UpdateOrganizationInput]: UpdateOrganizationInput[K] } = {};
    if (controls.name.dirty && name.trim() !== organization.name) changes.name = name.trim();
    if (controls.acronym.dirty && (acronym.trim() || null) !== organization.acronym)
      changes.acronym = acronym.trim() || null;
    if (controls.kind.dirty && kind !== organization.kind) changes.kind = kind;
    if (this.territoryChosen && this.territoryCode() !== (organization.territory?.code ?? null))
      changes.territoryCode = this.territoryCode();
    return changes;
  }

  private fail(error: ApiError): void {
    if (error.code === 'BAD_USER_INPUT') {
      // The territory is a picker, not a control of the form: its message is shown by hand.
      const unplaced = applyFieldErrors(this.form.controls, error.fields);
      this.territoryError.set(unplaced.find((field) => field.field === 'territoryCode')?.message ?? null);
      focusFirstInvalid(this.host, this.form.controls);
    }
    this.error.set(error);
    if (error.code === 'CONFLICT') this.conflicted.emit();
  }

  /**
   * Another organisation: its values replace the form's. A new version of the same one (reloaded
   * after CONFLICT): the fields left untouched take its values, what was typed stays.
   */
  private fill(organization: AdminOrganizationRowFragment | null): void {
    const id = organization?.id ?? null;
    if (id !== this.filledFor) {
      this.filledFor = id;
      this.error.set(null);
      this.territoryError.set(null);
      this.territoryChosen = false;
      this.form.reset(
        organization
          ? { name: organization.name, acronym: organization.acronym ?? '', kind: organization.kind }
          : undefined,
      );
      this.territoryCode.set(organization?.territory?.code ?? null);
      return;
    }
    if (!organization) return;
    const fresh = { name: organization.name, acronym: organization.acronym ?? '', kind: organization.kind };
    const { controls } = this.form;
    if (controls.name.pristine) controls.name.setValue(fresh.name);
    if (controls.acronym.pristine) controls.acronym.setValue(fresh.acronym);
    if (controls.kind.pristine) controls.kind.setValue(fresh.kind);
    if (!this.territoryChosen) this.territoryCode.set(organization.territory?.code ?? null);
  }
}

let nextId = 0;
