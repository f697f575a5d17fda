import type { AbstractControl } from '@angular/forms';
import type { ApiFieldError } from '../graphql/api-error';

/**
 * A form's controls by name, in the form's order: a FormGroup's `controls`, or standalone
 * controls gathered by hand (`{ note: this.note }`).
 */
export type NamedControls = Readonly<Record<string, AbstractControl>>;

export interface FieldErrorOptions {
  /** Api field paths that name a control differently: `{ 'keyFigures.hectares': 'hectares' }`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

/**
 * Puts each field message of a BAD_USER_INPUT answer under its control as the `server` error
 * (`control.getError('server')`) and marks the control touched so that `mat-error` shows it;
 * what was typed stays. A field path (as the api names it, without `input.`) is a control's name
 * or one of `aliases`. Returns the messages that found no control, for the page to show elsewhere.
 */
export function applyFieldErrors(
  controls: NamedControls,
  fields: readonly ApiFieldError[],
  options: FieldErrorOptions = {},
): ApiFieldError[] {
  const unmatched: ApiFieldError[] = [];
  for (const problem of fields) {
    const name = ownValue(options.aliases ?? {}, problem.field) ?? problem.field;
    const control = ownValue(controls, name);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: problem.message });
      control.markAsTouched();
    } else {
      unmatched.push(problem);
    }
  }
  return unmatched;
}

/**
 * Moves focus to the first invalid control, in the order of `controls`, that has a
 * `formControlName` element in `host`, so that keyboard and screen-reader users land on it.
 * Reads the controls, not the `ng-invalid` classes, which only follow at the next rendering.
 */
export function focusFirstInvalid(host: HTMLElement, controls: NamedControls): void {
  for (const [name, control] of Object.entries(controls)) {
    if (!control.invalid) continue;
    const element = host.querySelector<HTMLElement>(`[formcontrolname="${name}"]`);
    if (element) {
      element.focus();
      return;
    }
  }
}

/** `record[key]` for the record's own keys only (never `constructor` and the like). */
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
