import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Texts for what templates cannot translate (chart labels, tooltips, summaries): a translate
 * function that changes with the language once the dashboard's scope is loaded, so that computed()
 * options follow a language switch. Keys are full (`dashboard.…`, or global ones).
 */
export function injectTranslate(): Signal<Translate> {
  const transloco = inject(TranslocoService);
  return toSignal(
    transloco
      .selectTranslation('dashboard')
      .pipe(map((): Translate => (key, params) => transloco.translate(key, params))),
    { initialValue: (key: string) => key },
  );
}
