import {
  escapeHtml,
  renderDigestEmail,
  renderNotificationEmail,
  type NotificationEmailInput,
} from './render-email';

const mention: NotificationEmailInput = {
  recipientName: 'Salma <SAO>',
  locale: 'fr',
  type: 'MENTION',
  title: 'Vous avez été mentionnée',
  body: 'Karim : « <script>alert(1)</script> & merci »',
  subjectTitle: 'Pôle urbain "Lakhyayta" <nouveau>',
  link: 'https://convergence.example/projects/7f0c?x=1&y=2',
};

describe('renderNotificationEmail', () => {
  it('escapes every piece of user text in the HTML and keeps it readable in the plain text', () => {
    const { html, text } = renderNotificationEmail(mention);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; merci');
    expect(html).toContain('Pôle urbain &quot;Lakhyayta&quot; &lt;nouveau&gt;');
    expect(html).toContain('Bonjour Salma &lt;SAO&gt;,');
    expect(text).toContain('Karim : « <script>alert(1)</script> & merci »');
    expect(text).toContain('Pôle urbain "Lakhyayta" <nouveau>');
  });

  it('links to the item with a button named after it, and to the preferences in the footer', () => {
    const { html, text } = renderNotificationEmail({ ...mention, type: 'COMMITMENT_OVERDUE' });
    expect(html).toContain('href="https://convergence.example/projects/7f0c?x=1&amp;y=2"');
    expect(html).toMatch(/<a href="[^"]+"[^>]*>Voir l’engagement<\/a>/);
    expect(html).toContain('href="https://convergence.example/notifications"');
    expect(html).toContain('Modifier mes préférences de notification');
    expect(text).toContain('Voir l’engagement : https://convergence.example/projects/7f0c?x=1&y=2');
    expect(text).toContain(
      'Modifier mes préférences de notification : https://convergence.example/notifications',
    );
  });

  it('lays Arabic out right to left, in Arabic', () => {
    const { html, text } = renderNotificationEmail({ ...mention, locale: 'ar', type: 'PROJECT_STALE' });
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('text-align:right');
    expect(html).toContain('عرض المشروع');
    expect(text).toContain('مرحبًا Salma <SAO>،');
  });

  it('writes French and English left to right', () => {
    expect(renderNotificationEmail(mention).html).toMatch(/<html lang="fr" dir="ltr">/);
    const english = renderNotificationEmail({ ...mention, locale: 'en', type: 'ACTION_OVERDUE' });
    expect(english.html).toMatch(/<html lang="en" dir="ltr">/);
    expect(english.text).toContain('View the action: https://convergence.example/projects/7f0c?x=1&y=2');
  });

  it('makes a one-line subject naming the item, and uses the given preferences page', () => {
    const { subject, html } = renderNotificationEmail({
      ...mention,
      title: 'Échéance\ndans 7 jours',
      preferencesUrl: 'https://convergence.example/app/notifications',
    });
    expect(subject).toBe('Échéance dans 7 jours · Pôle urbain "Lakhyayta" <nouveau>');
    expect(html).toContain('href="https://convergence.example/app/notifications"');
  });
});

describe('renderDigestEmail', () => {
  const input = {
    recipientName: 'Nadia',
    locale: 'en' as const,
    mode: 'WEEKLY' as const,
    preferencesUrl: 'https://convergence.example/notifications',
    groups: [
      {
        subjectTitle: 'Lakhyayta <phase 2>',
        link: 'https://convergence.example/projects/1',
        lines: [
          { title: 'Progress reported', body: '45 %' },
          { title: 'Status changed', body: 'In progress' },
        ],
      },
      {
        subjectTitle: 'Land transfer',
        link: 'https://convergence.example/commitments/2',
        lines: [{ title: 'Due in 7 days', body: '…' }],
      },
    ],
  };

  it('groups the lines under their subject, linked, and counts them in the subject', () => {
    const { subject, html, text } = renderDigestEmail(input);
    expect(subject).toBe('Convergence — your weekly digest (3)');
    expect(html).toContain(
      '<a href="https://convergence.example/projects/1" style="color:#0b5cad;">Lakhyayta &lt;phase 2&gt;</a>',
    );
    expect(html.indexOf('Progress reported')).toBeLessThan(html.indexOf('Land transfer'));
    expect(text).toContain(
      'Lakhyayta <phase 2>\nhttps://convergence.example/projects/1\n- Progress reported\n  45 %\n- Status changed',
    );
    expect(html).not.toContain('Red list');
  });

  it('shows the red list when given, as a table with its columns', () => {
    const { html, text } = renderDigestEmail({
      ...input,
      redList: {
        afterDays: 30,
        entries: [
          {
            title: 'Terrain <A>',
            organizationName: 'Commune & Co',
            dueDate: '2026-01-10',
            daysLate: 42,
            link: 'https://convergence.example/commitments/9',
          },
        ],
      },
    });
    expect(html).toContain('Red list: commitments more than 30 days late');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain(
      'Terrain &lt;A&gt;</a></td><td style="padding:6px 8px;border-bottom:1px solid #e4e7eb;">Commune &amp; Co</td>',
    );
    expect(text).toContain('- Terrain <A> — Commune & Co — 2026-01-10 — Days late: 42');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
