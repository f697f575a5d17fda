import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '@convergence/shared/domain';
import { DatePipe } from '@convergence/web/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  CommitmentFilterOptionsQuery,
  CommitmentKind,
  CommitmentOrderField,
  CommitmentStatus,
  OrderDirection,
} from '../data-access/generated';
import type { CommitmentQuery } from '../model/commitment-query';

/** The orders offered, most useful first (field and direction in one choice). */
export const SORT_CHOICES: readonly {
  readonly field: CommitmentOrderField;
  readonly dir: OrderDirection;
  readonly key: string;
}[] = [
  { field: 'DUE_DATE', dir: 'ASC', key: 'commitments.sort.dueDateAsc' },
  { field: 'DUE_DATE', dir: 'DESC', key: 'commitments.sort.dueDateDesc' },
  { field: 'AMOUNT', dir: 'DESC', key: 'commitments.sort.amountDesc' },
  { field: 'AMOUNT', dir: 'ASC', key: 'commitments.sort.amountAsc' },
  { field: 'STATUS', dir: 'ASC', key: 'commitments.sort.status' },
  { field: 'UPDATED_AT', dir: 'DESC', key: 'commitments.sort.updatedDesc' },
];

/**
 * The tracker's filters (besides the territory, chosen above the views): each change is emitted at
 * once and the page writes it to the URL.
 */
@Component({
  selector: 'cv-commitment-filters',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    DatePipe,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './commitment-filters.html',
  styleUrl: './commitment-filters.scss',
})
export class CommitmentFilters {
  readonly query = input.required<CommitmentQuery>();
  readonly options = input<CommitmentFilterOptionsQuery | null>(null);
  /** Whether some filter is set, to offer clearing them. */
  readonly filtered = input(false);
  readonly changed = output<Partial<CommitmentQuery>>();
  readonly cleared = output<void>();

  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly kinds = COMMITMENT_KINDS;
  protected readonly sortChoices = SORT_CHOICES;

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected sortValue(): string {
    return `${this.query().sort}:${this.query().dir}`;
  }

  protected onText(name: 'partner' | 'convention' | 'forum' | 'dueBefore', event: Event): void {
    this.changed.emit({ [name]: this.valueOf(event) || null });
  }

  protected onKind(event: Event): void {
    this.changed.emit({ kind: (this.valueOf(event) || null) as CommitmentKind | null });
  }

  protected onSearch(event: Event): void {
    this.changed.emit({ search: this.valueOf(event).trim() });
  }

  protected onSort(event: Event): void {
    const choice = SORT_CHOICES.find(({ field, dir }) => `${field}:${dir}` === this.valueOf(event));
    if (choice) this.changed.emit({ sort: choice.field, dir: choice.dir });
  }

  protected onStatus(change: MatChipListboxChange): void {
    const selected: unknown = change.value;
    const values = Array.isArray(selected) ? selected : [];
    this.changed.emit({
      status: COMMITMENT_STATUSES.filter((status) => values.includes(status)) as CommitmentStatus[],
    });
  }
}
