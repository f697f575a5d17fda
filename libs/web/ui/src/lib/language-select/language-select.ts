import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { directionOf, isLocale, type Locale, LOCALES } from '@convergence/shared/domain';
import { TranslocoPipe } from '@jsverse/transloco';

let nextId = 0;

/**
 * The language switch: a native select (keyboard, screen readers and touch handle it natively, and
 * it costs no overlay code in the first bundle). Each language is named in itself.
 */
@Component({
  selector: 'cv-language-select',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './language-select.html',
  styleUrl: './language-select.scss',
})
export class LanguageSelect {
  readonly locale = input.required<Locale>();
  readonly localeChange = output<Locale>();

  protected readonly id = `cv-language-select-${nextId++}`;
  protected readonly locales = LOCALES;
  protected readonly directionOf = directionOf;

  protected select(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (isLocale(value) && value !== this.locale()) this.localeChange.emit(value);
  }
}
