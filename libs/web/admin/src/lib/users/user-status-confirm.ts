import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type ApiError, toApiError } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  AdminDeactivateUserDocument,
  AdminReactivateUserDocument,
  type AdminUserRowFragment,
} from '../data-access/generated';

/**
 * Asks before deactivating an account (the person is signed out at once) or reactivating one. What it
 * offers follows the account as last read: when someone else already changed it, the page reloads
 * it and the question changes with it.
 */
@Component({
  selector: 'cv-user-status-confirm',
  imports: [MatButtonModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cv-admin-form" [attr.aria-labelledby]="headingId" [attr.aria-describedby]="textId">
      <h3 [id]="headingId" tabindex="-1">
        {{
          (user().active ? 'admin.statusConfirm.deactivateHeading' : 'admin.statusConfirm.reactivateHeading')
            | transloco: { name: user().displayName }
        }}
      </h3>
      <p [id]="textId">
        {{
          (user().active ? 'admin.statusConfirm.deactivateText' : 'admin.statusConfirm.reactivateText')
            | transloco
        }}
      </p>
      <div class="cv-admin-form-alert" role="alert" aria-live="assertive" aria-atomic="true">
        @if (error(); as error) {
          <p>
            {{
              error.code === 'CONFLICT'
                ? ('common.updatedMeanwhile' | transloco)
                : (error.message ?? ('errors.' + error.code | transloco))
            }}
          </p>
        }
      </div>
      <div class="cv-admin-form-actions">
        <button mat-flat-button type="button" (click)="confirm()" [disabled]="busy()" disabledInteractive>
          {{
            (busy()
              ? 'admin.form.saving'
              : user().active
                ? 'admin.statusConfirm.confirmDeactivate'
                : 'admin.statusConfirm.confirmReactivate'
            ) | transloco
          }}
        </button>
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | transloco }}</button>
      </div>
    </section>
  `,
  styleUrl: '../forms/admin-form.scss',
})
export class UserStatusConfirm {
  private readonly apollo = inject(Apollo);

  readonly user = input.required<AdminUserRowFragment>();
  readonly done = output<AdminUserRowFragment>();
  readonly conflicted = output<void>();
  readonly cancelled = output<void>();

  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly headingId = `cv-user-status-${nextId}`;
  protected readonly textId = `cv-user-status-text-${nextId++}`;

  protected async confirm(): Promise<void> {
    if (this.busy()) return;
    const { id, version, active } = this.user();
    this.busy.set(true);
    this.error.set(null);
    try {
      const variables = { id, version };
      const changed = active
        ? (await firstValueFrom(this.apollo.mutate({ mutation: AdminDeactivateUserDocument, variables })))
            .data?.deactivateUser
        : (await firstValueFrom(this.apollo.mutate({ mutation: AdminReactivateUserDocument, variables })))
            .data?.reactivateUser;
      if (!changed) throw new Error('no account in the answer');
      this.done.emit(changed);
    } catch (caught) {
      const error = toApiError(caught);
      this.error.set(error);
      if (error.code === 'CONFLICT') this.conflicted.emit();
    } finally {
      this.busy.set(false);
    }
  }
}

let nextId = 0;
