import type { FormGroup } from '@angular/forms';
import type { ApiError } from '@convergence/web/core';

/**
 * Puts each field message of a BAD_USER_INPUT answer under the control of the same name (the api
 * names fields as the form does, without `input.`), keeping what was typed. Returns whether every
 * message found its control: when one did not, the page must show it in the form's alert instead.
 */
export function showFieldErrors(form: FormGroup, error: ApiError): boolean {
  let allPlaced = true;
  for (const { field, message } of error.fields) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      allPlaced = false;
    }
  }
  return allPlaced;
}

/**
 * Moves focus to the first control, in the form's order, that is invalid, so that keyboard and
 * screen-reader users land on it. Reads the controls, not the CSS classes, which only follow at
 * the next rendering.
 */
export function focusFirstInvalid(host: HTMLElement, form: FormGroup): void {
  const name = Object.keys(form.controls).find((key) => form.controls[key].invalid);
  if (name) host.querySelector<HTMLElement>(`[formcontrolname="${name}"]`)?.focus();
}
