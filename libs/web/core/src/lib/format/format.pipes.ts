import { inject, Pipe, type PipeTransform } from '@angular/core';
import { type DateInput, type DateStyle, LocaleFormat } from './locale-format';

// Not pure: the output depends on the language signal as well as the value. LocaleFormat is cheap
// (Intl formatters), and these pipes run only under OnPush components.

/** `{{ project.budget | cvMoney }}`, `{{ total | cvMoney: true }}` (compact). */
@Pipe({ name: 'cvMoney', pure: false })
export class MoneyPipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: string | number | null | undefined, compact = false): string {
    return this.format.money(value, { compact });
  }
}

/** `{{ units | cvNumber }}` */
@Pipe({ name: 'cvNumber', pure: false })
export class NumberPipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: string | number | null | undefined, maximumFractionDigits = 2): string {
    return this.format.number(value, maximumFractionDigits);
  }
}

/** `{{ project.physicalProgress | cvPercent }}` for a value in 0–100. */
@Pipe({ name: 'cvPercent', pure: false })
export class PercentPipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: number | null | undefined): string {
    return this.format.percent(value);
  }
}

/** `{{ commitment.dueDate | cvDate }}`, `{{ comment.createdAt | cvDate: 'relative' }}` */
@Pipe({ name: 'cvDate', pure: false })
export class DatePipe implements PipeTransform {
  private readonly format = inject(LocaleFormat);
  transform(value: DateInput, style: DateStyle = 'date'): string {
    return this.format.date(value, style);
  }
}
