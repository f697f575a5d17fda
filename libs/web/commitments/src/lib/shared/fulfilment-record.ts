import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { LocaleFormat } from '@convergence/web/core';
import { Badge } from '@convergence/web/ui';
import { TranslocoPipe } from '@jsverse/transloco';
import type { CommitmentFulfilmentItemFragment } from '../data-access/generated';
import { CommitmentFigure } from './commitment-figure';

/** One declaration of fulfilment: who, when, what share, the evidence, and its verification. */
@Component({
  selector: 'cv-fulfilment-record',
  imports: [Badge, CommitmentFigure, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let item = fulfilment();
    <dl class="cv-fulfilment">
      <div>
        <dt>{{ 'commitments.fulfilment.declaredBy' | transloco }}</dt>
        <dd class="cv-declarant">
          {{
            whoWhen(
              item.declaredBy?.displayName ?? ('commitments.fulfilment.unknownDeclarant' | transloco),
              item.declaredAt,
              'commitments.fulfilment.separator' | transloco
            )
          }}
        </dd>
      </div>
      <div>
        <dt>{{ 'commitments.fulfilment.share' | transloco }}</dt>
        <dd>
          {{
            (item.complete ? 'commitments.fulfilment.complete' : 'commitments.fulfilment.partial') | transloco
          }}
          @if (item.amount !== null || item.quantity !== null) {
            —
            <cv-commitment-figure [amount]="item.amount" [quantity]="item.quantity" [unit]="unit()" />
          }
        </dd>
      </div>
      <div class="cv-wide">
        <dt>{{ 'commitments.fulfilment.evidence' | transloco }}</dt>
        <dd class="cv-note">{{ item.note }}</dd>
      </div>
      <div class="cv-wide">
        <dt>{{ 'commitments.fulfilment.verification' | transloco }}</dt>
        <dd>
          @if (item.accepted === null) {
            <cv-badge tone="warning">{{ 'commitments.fulfilment.pending' | transloco }}</cv-badge>
          } @else {
            <cv-badge [tone]="item.accepted ? 'success' : 'danger'">
              {{
                (item.accepted ? 'commitments.fulfilment.accepted' : 'commitments.fulfilment.sentBack')
                  | transloco
              }}
            </cv-badge>
            <span class="cv-verifier">
              {{
                whoWhen(
                  item.verifiedBy?.displayName,
                  item.verifiedAt,
                  'commitments.fulfilment.separator' | transloco
                )
              }}
            </span>
            @if (item.verificationNote) {
              <span class="cv-note cv-verification-note">{{ item.verificationNote }}</span>
            }
          }
        </dd>
      </div>
    </dl>
  `,
  styles: `
    .cv-fulfilment {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.5rem 1.5rem;
      margin: 0;
    }
    .cv-wide {
      grid-column: 1 / -1;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .cv-note {
      white-space: pre-line;
    }
    .cv-verification-note {
      display: block;
      margin-block-start: 0.25rem;
    }
  `,
})
export class FulfilmentRecord {
  private readonly format = inject(LocaleFormat);

  readonly fulfilment = input.required<CommitmentFulfilmentItemFragment>();
  readonly unit = input<string | null>(null);

  /**
   * "Name, date" as one string (template whitespace can never put a space before the comma), each
   * part bidi-isolated so a Latin name and a date keep their order in Arabic. Missing parts drop out.
   */
  protected whoWhen(
    name: string | null | undefined,
    at: string | null | undefined,
    separator: string,
  ): string {
    const parts = [name, at ? this.format.date(at, 'dateTime') : null].filter(
      (part): part is string => !!part,
    );
    return parts.map((part) => `\u2068${part}\u2069`).join(separator);
  }
}
