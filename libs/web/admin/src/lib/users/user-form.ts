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
import { LOCALES, ROLES } from '@convergence/shared/domain';
import { type ApiError, applyFieldErrors, focusFirstInvalid, toApiError } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  AdminCreateUserDocument,
  type AdminOrganizationRowFragment,
  AdminUpdateUserDocument,
  type AdminUserRowFragment,
  type Locale,
  type Role,
  type UpdateUserInput,
} from '../data-access/generated';
import { organizationLabel } from '../forms/organization-label';

/** The api's limits (CreateUserInput): the form says so before sending. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_DISPLAY_NAME_LENGTH = 120;
export const MAX_EMAIL_LENGTH = 254;

/**
 * Opens an account (no `user`), or changes one's name, role, organisation and language. Field
 * errors from the api land under their control and what was typed stays; when someone else changed
 * the account first, the page reloads it: untouched fields take the fresh values, what was typed
 * stays for a second try, and only that is sent.
 */
@Component({
  selector: 'cv-user-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form.html',
  styleUrl: '../forms/admin-form.scss',
})
export class UserForm {
  private readonly apollo = inject(Apollo);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  /** The account to change; null opens a new one. */
  readonly user = input<AdminUserRowFragment | null>(null);
  readonly organizations = input.required<readonly AdminOrganizationRowFragment[]>();
  /** The signed-in administrator: their own role is not theirs to change. */
  readonly selfId = input<string | null>(null);

  readonly saved = output<AdminUserRowFragment>();
  /** Someone else changed the account first: the page reloads it (and passes it back in). */
  readonly conflicted = output<void>();
  readonly cancelled = output<void>();

  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly minPassword = MIN_PASSWORD_LENGTH;
  protected readonly maxDisplayName = MAX_DISPLAY_NAME_LENGTH;
  protected readonly label = organizationLabel;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(MAX_EMAIL_LENGTH)]],
    displayName: ['', [Validators.required, Validators.maxLength(MAX_DISPLAY_NAME_LENGTH)]],
    role: ['PARTNER_CONTRIBUTOR' as Role, [Validators.required]],
    organizationId: ['', [Validators.required]],
    locale: ['fr' as Locale, [Validators.required]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });

  protected readonly editing = computed(() => this.user() !== null);
  protected readonly ownAccount = computed(() => {
    const user = this.user();
    return user !== null && user.id === this.selfId();
  });
  protected readonly sortedOrganizations = computed(() =>
    [...this.organizations()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly headingId = `cv-user-form-${nextId++}`;

  /** The account whose values fill the form: a new version of the same account keeps what was typed. */
  private filledFor: string | null | undefined = undefined;

  constructor() {
    effect(() => {
      const user = this.user();
      const own = this.ownAccount();
      untracked(() => this.fill(user, own));
    });
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      focusFirstInvalid(this.host, this.form.controls);
      return;
    }
    const user = this.user();
    const input = user ? this.changesOf(user) : null;
    if (user && input && Object.keys(input).length === 0) {
      this.cancelled.emit();
      return;
    }
    this.busy.set(true);
    try {
      this.saved.emit(user && input ? await this.update(user, input) : await this.create());
    } catch (caught) {
      this.fail(toApiError(caught));
    } finally {
      this.busy.set(false);
    }
  }

  private async create(): Promise<AdminUserRowFragment> {
    const { email, displayName, role, organizationId, locale, password } = this.form.getRawValue();
    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: AdminCreateUserDocument,
        variables: {
          input: {
            email: email.trim(),
            displayName: displayName.trim(),
            role,
            organizationId,
            locale,
            password,
          },
        },
      }),
    );
    if (!result.data) throw new Error('createUser answered no data');
    return result.data.createUser;
  }

  private async update(user: AdminUserRowFragment, input: UpdateUserInput): Promise<AdminUserRowFragment> {
    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: AdminUpdateUserDocument,
        variables: { id: user.id, version: user.version, input },
      }),
    );
    if (!result.data) throw new Error('updateUser answered no data');
    return result.data.updateUser;
  }

  /**
   * Only what the user typed and that differs from the account as last read: a field left
   * untouched is never sent, so a retry after CONFLICT does not undo what someone else changed.
   */
  private changesOf(user: AdminUserRowFragment): UpdateUserInput {
    const { displayName, role, organizationId, locale } = this.form.getRawValue();
    const { controls } = this.form;
    const changes: { -readonly [K in keyof UpdateUserInput]: UpdateUserInput[K] } = {};
    if (controls.displayName.dirty && displayName.trim() !== user.displayName)
      changes.displayName = displayName.trim();
    if (!this.ownAccount() && controls.role.dirty && role !== user.role) changes.role = role;
    if (controls.organizationId.dirty && organizationId !== user.organization.id)
      changes.organizationId = organizationId;
    if (controls.locale.dirty && locale !== user.locale) changes.locale = locale;
    return changes;
  }

  private fail(error: ApiError): void {
    if (error.code === 'BAD_USER_INPUT') {
      applyFieldErrors(this.form.controls, error.fields);
      focusFirstInvalid(this.host, this.form.controls);
    }
    this.error.set(error);
    if (error.code === 'CONFLICT') this.conflicted.emit();
  }

  private fill(user: AdminUserRowFragment | null, own: boolean): void {
    const id = user?.id ?? null;
    if (id !== this.filledFor) {
      this.filledFor = id;
      this.error.set(null);
      this.form.reset(
        user
          ? {
              email: user.email,
              displayName: user.displayName,
              role: user.role,
              organizationId: user.organization.id,
              locale: user.locale,
              password: '',
            }
          : undefined,
      );
    } else if (user) {
      // A new version of the same account (reloaded after CONFLICT): untouched fields follow it.
      const fresh = {
        displayName: user.displayName,
        role: user.role,
        organizationId: user.organization.id,
        locale: user.locale,
      };
      const { controls } = this.form;
      if (controls.displayName.pristine) controls.displayName.setValue(fresh.displayName);
      if (controls.role.pristine) controls.role.setValue(fresh.role);
      if (controls.organizationId.pristine) controls.organizationId.setValue(fresh.organizationId);
      if (controls.locale.pristine) controls.locale.setValue(fresh.locale);
    }
    for (const name of ['email', 'password'] as const) {
      if (user) this.form.controls[name].disable();
      else this.form.controls[name].enable();
    }
    if (own) this.form.controls.role.disable();
    else this.form.controls.role.enable();
  }
}

let nextId = 0;
