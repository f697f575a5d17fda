import { inject, Injectable } from '@angular/core';
import { subject } from '@casl/ability';
import { OPEN_COMMITMENT_STATUSES } from '@convergence/shared/domain';
import { PermissionsService } from '@convergence/web/core';
import type { CommitmentStatus } from '../data-access/generated';

/** What a row must tell for its rights: who committed, and where it stands. */
export interface CommitmentRightsRow {
  readonly status: CommitmentStatus;
  readonly organization: { readonly id: string };
}

/**
 * Row-level rights on a commitment, from the same CASL rules the api applies (`me.permissions`):
 * `report` is the committing organisation's (declare a fulfilment), `verify` the ministry's. The
 * screen only hides what would be refused; the api decides.
 */
@Injectable({ providedIn: 'root' })
export class CommitmentRights {
  private readonly permissions = inject(PermissionsService);

  /** Whether the user may verify declared fulfilments at all (the queue). */
  mayVerifyAny(): boolean {
    return this.permissions.can('verify', 'Commitment');
  }

  /** Whether the user may declare fulfilments for the commitments of `organizationId`. */
  mayReportFor(organizationId: string): boolean {
    return this.permissions.ability().can('report', subject('Commitment', { organizationId }));
  }

  /** A declaration awaits this user's verification. */
  mayVerify(row: CommitmentRightsRow): boolean {
    return (
      row.status === 'DECLARED' &&
      this.permissions.ability().can('verify', subject('Commitment', { organizationId: row.organization.id }))
    );
  }

  /** The user may declare it fulfilled: their organisation's, still owed (not declared, closed or cancelled). */
  mayDeclare(row: CommitmentRightsRow): boolean {
    return (
      (OPEN_COMMITMENT_STATUSES as readonly CommitmentStatus[]).includes(row.status) &&
      this.mayReportFor(row.organization.id)
    );
  }
}
