import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { PROJECT_STATUSES_NEEDING_REASON, PROJECT_TRANSITIONS } from '@convergence/shared/domain';
import type { ProjectStatus } from '../data-access/generated';

/** The bounds of ReportProjectProgressInput (libs/server/projects: report-progress.input.ts). */
export const MAX_NOTE_LENGTH = 2000;
export const MAX_KEY_FIGURE_COUNT = 1_000_000;
/** numeric(16,2) for amounts in MAD, numeric(10,2) for hectares. */
export const AMOUNT_INTEGER_DIGITS = 14;
export const HECTARES_INTEGER_DIGITS = 8;

/** The statuses a report may set: the current one (no change) and its allowed transitions. */
export function reportableStatuses(current: ProjectStatus): ProjectStatus[] {
  return [current, ...PROJECT_TRANSITIONS[current]];
}

/**
 * Whether the report needs a reason code, as the api decides: entering SUSPENDED or CANCELLED, or
 * a planned end moved later than the current one (setting a first one, or an earlier one, is not a slip).
 */
export function needsReason(
  project: { readonly status: ProjectStatus; readonly plannedEndDate: string | null },
  status: ProjectStatus,
  plannedEndDate: string,
): boolean {
  const entersReasonStatus =
    status !== project.status &&
    (PROJECT_STATUSES_NEEDING_REASON as readonly ProjectStatus[]).includes(status);
  const slips =
    project.plannedEndDate !== null && plannedEndDate !== '' && plannedEndDate > project.plannedEndDate;
  return entersReasonStatus || slips;
}

/** "1 500 000,50" → "1500000.50": spaces (also no-break ones) go, a decimal comma becomes a point. */
export function normalizeDecimal(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}

/** Equal as exact decimals ("500.0" and "0500.00"), without going through floating point. */
export function decimalEquals(a: string, b: string): boolean {
  return canonicalDecimal(normalizeDecimal(a)) === canonicalDecimal(normalizeDecimal(b));
}

function canonicalDecimal(value: string): string {
  const [whole = '', fraction = ''] = value.split('.');
  const integer = whole.replace(/^0+/, '') || '0';
  const decimals = fraction.replace(/0+$/, '');
  return decimals ? `${integer}.${decimals}` : integer;
}

/** A non-negative amount with at most 2 decimals and `integerDigits` digits before the point. */
export function decimalValidator(integerDigits: number): ValidatorFn {
  const pattern = new RegExp(`^\\d{1,${integerDigits}}(\\.\\d{1,2})?$`);
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = normalizeDecimal(control.value ?? '');
    if (value === '') return null;
    return pattern.test(value) ? null : { decimal: true };
  };
}

/** 0 to 100 %, at most 2 decimals. */
export function progressValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === undefined) return null;
  const valid =
    Number.isFinite(value) && value >= 0 && value <= 100 && /^\d+(\.\d{1,2})?$/.test(String(value));
  return valid ? null : { progress: true };
}

/** A count of housing units or households: a whole number from 0 to 1,000,000. */
export function countValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === undefined) return null;
  return Number.isInteger(value) && value >= 0 && value <= MAX_KEY_FIGURE_COUNT ? null : { count: true };
}

/** A note of only spaces says nothing. */
export function notBlankValidator(control: AbstractControl<string>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { required: true } : null;
}
