import type { CommitmentKind, CommitmentStatus, ReasonCode } from '@convergence/shared/domain';
import { addDays } from './demo-calendar';
import type { DemoCommitment } from './demo-conventions';

/** Days the ministry takes to verify a declaration, in the demo. */
const VERIFICATION_DAYS = 9;

const EVIDENCE: Record<CommitmentKind, string> = {
  FUNDING: 'Avis de virement joint.',
  LAND: 'Procès-verbal de mise à disposition du foncier joint.',
  PERMIT: 'Copies des autorisations délivrées jointes.',
  STUDY: 'Rapport d’études remis et validé en comité technique.',
  WORKS: 'Procès-verbal de réception provisoire joint.',
  RELOCATION: 'Liste nominative des ménages relogés, visée par l’autorité locale.',
  OTHER: 'Justificatifs joints.',
};

export interface DemoFulfilment {
  declaredOn: string;
  /** In MAD, or in the commitment's unit; exact decimal strings. */
  amount: string | null;
  quantity: string | null;
  complete: boolean;
  note: string;
  /** Null while it awaits verification. */
  verifiedOn: string | null;
  accepted: boolean | null;
  verificationNote: string | null;
}

export interface DemoDueDateChange {
  on: string;
  previousDueDate: string;
  newDueDate: string;
  reasonCode: ReasonCode;
  note: string;
}

/** A commitment's row values and history, derived from its outcome. */
export interface CommitmentHistory {
  status: CommitmentStatus;
  amount: string | null;
  quantity: string | null;
  quantityUnit: string | null;
  fulfilledAmount: string;
  fulfilledQuantity: string;
  dueDate: string;
  originalDueDate: string;
  fulfilledOn: string | null;
  statusReasonCode: ReasonCode | null;
  statusNote: string | null;
  fulfilments: DemoFulfilment[];
  dueDateChanges: DemoDueDateChange[];
  /** The day of its last event, for `updatedAt`. */
  lastEventOn: string | null;
}

const exact = (value: number) => value.toFixed(2);

/**
 * The row and history of one demo commitment, as the two-step closing would have left them (PRODUCT.md):
 * a declaration per step with its evidence, the ministry's verification, every move of the due date.
 * Throws on an impossible history (a verification or a move in the future, a value that is neither
 * an amount nor a quantity).
 */
export function buildCommitmentHistory(spec: DemoCommitment, today: string): CommitmentHistory {
  const fail = (message: string): never => {
    throw new Error(`demo commitment "${spec.title}": ${message}`);
  };
  if ((spec.amount === undefined) === (spec.quantity === undefined)) fail('needs an amount or a quantity');
  const total = spec.amount !== undefined ? spec.amount * 1_000_000 : (spec.quantity?.[0] ?? 0);
  const valueOf = (share: number) => exact(Math.round(total * share * 100) / 100);
  const split = (value: string | null) =>
    spec.amount !== undefined ? { amount: value, quantity: null } : { amount: null, quantity: value };

  let dueDate = spec.due;
  const dueDateChanges = (spec.slips ?? []).map((slip) => {
    if (slip.on >= today) fail(`due date moved in the future (${slip.on})`);
    const change = {
      on: slip.on,
      previousDueDate: dueDate,
      newDueDate: slip.to,
      reasonCode: slip.reason,
      note: slip.note,
    };
    dueDate = slip.to;
    return change;
  });

  const outcome = spec.outcome;
  const declaration = (
    declaredOn: string,
    share: number,
    verified: boolean | null,
    verificationNote: string | null,
  ) => {
    const verifiedOn = verified === null ? null : addDays(declaredOn, VERIFICATION_DAYS);
    if (declaredOn >= today || (verifiedOn !== null && verifiedOn >= today))
      fail(`declared or verified in the future`);
    return {
      declaredOn,
      ...split(valueOf(share)),
      complete: share === 1,
      note: share === 1 ? EVIDENCE[spec.kind] : `Exécution partielle. ${EVIDENCE[spec.kind]}`,
      verifiedOn,
      accepted: verified,
      verificationNote,
    };
  };
  const fulfilments: DemoFulfilment[] = [];
  let fulfilledShare = 0;
  let fulfilledOn: string | null = null;
  let statusReasonCode: ReasonCode | null = null;
  let statusNote: string | null = null;
  switch (outcome.status) {
    case 'FULFILLED':
    case 'PARTIALLY_FULFILLED': {
      const share = outcome.status === 'FULFILLED' ? 1 : outcome.share;
      const note = share === 1 ? 'Justificatifs vérifiés et conformes.' : 'Exécution partielle constatée.';
      fulfilments.push(declaration(outcome.declaredOn, share, true, note));
      fulfilledShare = share;
      fulfilledOn = outcome.declaredOn;
      break;
    }
    case 'DECLARED':
      fulfilments.push(declaration(outcome.declaredOn, 1, null, null));
      break;
    case 'PLANNED':
    case 'IN_PROGRESS':
      if (outcome.sentBack) {
        const { declaredOn, note } = outcome.sentBack;
        fulfilments.push(declaration(declaredOn, 1, false, note));
        statusNote = note;
      }
      break;
    case 'CANCELLED':
      if (outcome.on >= today) fail('cancelled in the future');
      statusReasonCode = outcome.reason;
      statusNote = outcome.note;
      break;
  }

  const events = [
    ...dueDateChanges.map((c) => c.on),
    ...fulfilments.map((f) => f.verifiedOn ?? f.declaredOn),
    ...(outcome.status === 'CANCELLED' ? [outcome.on] : []),
  ].sort();
  return {
    status: outcome.status,
    ...split(exact(total)),
    quantityUnit: spec.quantity?.[1] ?? null,
    fulfilledAmount: spec.amount !== undefined ? valueOf(fulfilledShare) : '0.00',
    fulfilledQuantity: spec.quantity !== undefined ? valueOf(fulfilledShare) : '0.00',
    dueDate,
    originalDueDate: spec.due,
    fulfilledOn,
    statusReasonCode,
    statusNote,
    fulfilments,
    dueDateChanges,
    lastEventOn: events[events.length - 1] ?? null,
  };
}
