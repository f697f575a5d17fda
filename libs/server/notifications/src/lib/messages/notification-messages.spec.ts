import { LOCALES, NOTIFICATION_TYPES } from '@convergence/shared/domain';
import { notificationText } from './notification-messages';

/** Every key the catalogue reads, with a plausible value. */
const FULL_PAYLOAD = {
  from: 'OPEN',
  to: 'IN_PROGRESS',
  status: 'PARTIALLY_FULFILLED',
  physicalProgress: '42.50',
  previousProgress: 30,
  complete: false,
  note: 'Pièces justificatives manquantes',
  dueDate: '2026-03-15',
  heldOn: '2026-10-11',
  place: 'Casablanca',
  organizationName: 'Al Omrane Casablanca-Settat',
  authorName: 'Nadia Elu',
  excerpt: 'Où en est le relogement des ménages ?',
  daysLeft: 7,
  daysLate: 16,
  daysSinceReport: 75,
  daysOpen: 9,
};

const cases = NOTIFICATION_TYPES.flatMap((type) =>
  LOCALES.flatMap((locale) => [
    [type, locale, 'full payload', FULL_PAYLOAD] as const,
    [type, locale, 'empty payload', {}] as const,
  ]),
);

describe('notificationText', () => {
  it.each(cases)('%s in %s with a %s has a filled title and body', (type, locale, _, payload) => {
    const { title, body } = notificationText(type, payload, 'Pôle urbain de Lakhyayta', locale);
    expect(title).toContain('Pôle urbain de Lakhyayta');
    expect(body.trim()).not.toBe('');
    expect(`${title} ${body}`).not.toMatch(/\{\w+\}/);
  });

  it('uses the payload to say what happened, in the reader’s language', () => {
    expect(notificationText('COMMENT_ADDED', FULL_PAYLOAD, 'Lakhyayta', 'fr')).toEqual({
      title: 'Nouveau commentaire sur Lakhyayta',
      body: 'Nadia Elu : « Où en est le relogement des ménages ? »',
    });
    expect(notificationText('COMMITMENT_OVERDUE', FULL_PAYLOAD, 'Voirie', 'en')).toEqual({
      title: 'Commitment overdue: Voirie',
      body: 'Overdue by 16 days (due on 15 March 2026).',
    });
    expect(
      notificationText('COMMITMENT_DUE_SOON', { dueDate: '2026-03-15', daysLeft: 1 }, 'Voirie', 'ar'),
    ).toEqual({
      title: 'أجل قريب: Voirie',
      body: 'ينتهي الأجل يوم 15 مارس 2026، بعد يوم واحد.',
    });
    expect(notificationText('ACTION_STATUS_CHANGED', { from: 'OPEN', to: 'DONE' }, 'Étude', 'fr').body).toBe(
      'L’action est désormais terminée.',
    );
    expect(
      notificationText('PROJECT_STATUS_CHANGED', { from: 'WORKS', to: 'SUSPENDED' }, 'P', 'en').body,
    ).toBe('The project is now suspended.');
    expect(notificationText('COMMITMENT_VERIFIED', { status: 'FULFILLED' }, 'C', 'fr').body).toBe(
      'Le ministère a validé la réalisation : engagement honoré.',
    );
    expect(notificationText('PROJECT_PROGRESS_REPORTED', { physicalProgress: 42.5 }, 'P', 'fr').body).toBe(
      'Avancement physique : 42,5 %.',
    );
    expect(
      notificationText('PROJECT_PROGRESS_REPORTED', { physicalProgress: 60, previousProgress: 45 }, 'P', 'ar')
        .body,
    ).toBe('التقدم المادي: من 45٪ إلى 60٪.');
    expect(
      notificationText('COMMITMENT_DUE_DATE_MOVED', { from: '2026-03-15', to: '2026-06-30' }, 'C', 'fr').body,
    ).toBe('Nouvelle échéance : 30 juin 2026 (au lieu du 15 mars 2026).');
    expect(notificationText('COMMITMENT_DECLARED', { complete: false }, 'C', 'en').body).toBe(
      'A partial fulfilment was declared; it awaits the ministry’s verification.',
    );
    expect(
      notificationText('FORUM_SCHEDULED', { heldOn: '2026-10-11', place: 'Casablanca' }, 'F', 'fr').body,
    ).toBe('Le 11 octobre 2026, Casablanca.');
  });

  it('falls back to a plainer sentence when the payload lacks a value or has an unknown one', () => {
    expect(notificationText('PROJECT_STATUS_CHANGED', { to: 'NOPE' }, 'P', 'en').body).toBe(
      'The project’s status has changed.',
    );
    expect(notificationText('COMMITMENT_DUE_DATE_MOVED', { to: 'not a date' }, 'C', 'fr').body).toBe(
      'L’échéance de l’engagement a changé.',
    );
  });

  it('keeps user text as written, shortens long excerpts and names an untitled subject', () => {
    const excerpt = `{subject} ${'a'.repeat(300)}`;
    const { title, body } = notificationText('MENTION', { excerpt }, '  ', 'en');
    expect(title).toBe('You were mentioned on a followed item');
    expect(body.startsWith('“{subject} aaa')).toBe(true);
    expect(body.length).toBeLessThan(150);
    expect(body).toContain('…');
  });
});
