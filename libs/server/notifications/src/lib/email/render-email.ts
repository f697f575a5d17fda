import { directionOf, type Locale, type NotificationType } from '@convergence/shared/domain';
import { emailTargetOf, emailWording } from './email-wording';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface NotificationEmailInput {
  recipientName: string;
  locale: Locale;
  type: NotificationType;
  /** What happened, worded for the recipient (`notificationText`). */
  title: string;
  body: string;
  subjectTitle: string;
  /** The item's page. */
  link: string;
  /** The notification centre; by default `/notifications` at the link's origin. */
  preferencesUrl?: string;
}

/** One notification e-mailed at once: what happened, a button to the item, how to change preferences. */
export function renderNotificationEmail(input: NotificationEmailInput): RenderedEmail {
  const { locale } = input;
  const openLabel = emailWording(locale, `open.${emailTargetOf(input.type)}`);
  const subject = oneLine(
    input.title.includes(input.subjectTitle) ? input.title : `${input.title} · ${input.subjectTitle}`,
  );
  const html = layout(
    locale,
    subject,
    [
      heading(input.title),
      paragraph(escapeHtml(emailWording(locale, 'greeting', { name: input.recipientName }))),
      paragraph(escapeHtml(input.body)),
      paragraph(`<strong>${escapeHtml(input.subjectTitle)}</strong>`),
      button(input.link, openLabel),
      small(`${escapeHtml(emailWording(locale, 'linkFallback'))}<br>${plainLink(input.link)}`),
    ],
    footer(locale, 'footerReason', preferencesUrlOf(input)),
  );
  const text = [
    input.title,
    '',
    emailWording(locale, 'greeting', { name: input.recipientName }),
    '',
    input.body,
    '',
    input.subjectTitle,
    labelled(locale, openLabel, input.link),
    ...textFooter(locale, 'footerReason', preferencesUrlOf(input)),
  ].join('\n');
  return { subject, html, text };
}

export interface DigestLine {
  title: string;
  body: string;
}

export interface DigestGroup {
  subjectTitle: string;
  link: string;
  lines: DigestLine[];
}

export interface RedListEntry {
  title: string;
  organizationName: string;
  dueDate: string;
  daysLate: number;
  link: string;
}

export interface DigestEmailInput {
  recipientName: string;
  locale: Locale;
  mode: 'DAILY' | 'WEEKLY';
  /** One group per subject, in the order to show them. */
  groups: DigestGroup[];
  /** The ministry's red list (weekly digest of ministry officials); absent for everyone else. */
  redList?: { afterDays: number; entries: RedListEntry[] };
  preferencesUrl: string;
}

/** A digest: the notifications of a day or a week grouped by subject, and the red list when given. */
export function renderDigestEmail(input: DigestEmailInput): RenderedEmail {
  const { locale, redList } = input;
  const count = input.groups.reduce((sum, group) => sum + group.lines.length, 0);
  // The count says how much is waiting; a digest with only the red list has no count to give.
  const subject = `${emailWording(locale, `digest.subject.${input.mode}`)}${count > 0 ? ` (${count})` : ''}`;
  const redListHeading = redList && emailWording(locale, 'redList.heading', { days: redList.afterDays });
  const html = layout(
    locale,
    subject,
    [
      heading(subject),
      paragraph(escapeHtml(emailWording(locale, 'greeting', { name: input.recipientName }))),
      paragraph(escapeHtml(emailWording(locale, `digest.intro.${input.mode}`))),
      ...(redList && redListHeading && redList.entries.length > 0
        ? [redListTable(locale, redListHeading, redList.entries)]
        : []),
      ...input.groups.map(
        (group) =>
          `<h2 style="font-size:17px;margin:24px 0 8px;"><a href="${escapeHtml(group.link)}" style="color:#0b5cad;">${escapeHtml(group.subjectTitle)}</a></h2>` +
          `<ul style="margin:0;padding-inline-start:20px;">${group.lines
            .map(
              (line) =>
                `<li style="margin:0 0 8px;"><strong>${escapeHtml(line.title)}</strong><br>${escapeHtml(line.body)}</li>`,
            )
            .join('')}</ul>`,
      ),
    ],
    footer(locale, 'footerDigestReason', input.preferencesUrl),
  );
  const text = [
    subject,
    '',
    emailWording(locale, 'greeting', { name: input.recipientName }),
    emailWording(locale, `digest.intro.${input.mode}`),
    ...(redList && redListHeading && redList.entries.length > 0
      ? [
          '',
          redListHeading,
          ...redList.entries.map(
            (entry) =>
              `- ${entry.title} — ${entry.organizationName} — ${entry.dueDate} — ${labelled(locale, emailWording(locale, 'redList.daysLate'), String(entry.daysLate))}\n  ${entry.link}`,
          ),
        ]
      : []),
    ...input.groups.flatMap((group) => [
      '',
      group.subjectTitle,
      group.link,
      ...group.lines.map((line) => `- ${line.title}\n  ${line.body}`),
    ]),
    ...textFooter(locale, 'footerDigestReason', input.preferencesUrl),
  ].join('\n');
  return { subject, html, text };
}

/** Every piece of text that reaches the HTML goes through here: titles and excerpts are user input. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A subject header is one line; user text may carry line breaks. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 250);
}

function preferencesUrlOf(input: NotificationEmailInput): string {
  return input.preferencesUrl ?? new URL('/notifications', input.link).toString();
}

const FONT = "'Segoe UI', Tahoma, Arial, sans-serif";

function layout(locale: Locale, title: string, content: string[], footerHtml: string): string {
  const dir = directionOf(locale);
  const align = dir === 'rtl' ? 'right' : 'left';
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:600px;background-color:#ffffff;border-radius:8px;font-family:${FONT};font-size:15px;line-height:1.5;color:#1f2933;text-align:${align};">
<tr><td style="padding:24px 24px 8px;">
<p style="margin:0 0 16px;font-size:13px;font-weight:bold;letter-spacing:0.04em;color:#52606d;">CONVERGENCE</p>
${content.join('\n')}
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #e4e7eb;font-size:13px;color:#52606d;">
${footerHtml}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function heading(text: string): string {
  return `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#1f2933;">${escapeHtml(text)}</h1>`;
}

function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;">${html}</p>`;
}

function small(html: string): string {
  return `<p style="margin:0 0 16px;font-size:13px;color:#52606d;">${html}</p>`;
}

function button(href: string, label: string): string {
  return `<p style="margin:24px 0;"><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background-color:#0b5cad;color:#ffffff;border-radius:6px;font-weight:bold;text-decoration:none;">${escapeHtml(label)}</a></p>`;
}

function plainLink(href: string): string {
  return `<a href="${escapeHtml(href)}" style="color:#0b5cad;word-break:break-all;">${escapeHtml(href)}</a>`;
}

function redListTable(locale: Locale, headingText: string, entries: RedListEntry[]): string {
  const cell = 'padding:6px 8px;border-bottom:1px solid #e4e7eb;';
  const header = (
    key: 'redList.commitment' | 'redList.organization' | 'redList.dueDate' | 'redList.daysLate',
  ) => `<th scope="col" style="${cell}text-align:inherit;">${escapeHtml(emailWording(locale, key))}</th>`;
  return `<h2 style="font-size:17px;margin:24px 0 8px;color:#b42318;">${escapeHtml(headingText)}</h2>
<table role="table" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;margin:0 0 16px;">
<thead><tr>${header('redList.commitment')}${header('redList.organization')}${header('redList.dueDate')}${header('redList.daysLate')}</tr></thead>
<tbody>${entries
    .map(
      (entry) =>
        `<tr><td style="${cell}"><a href="${escapeHtml(entry.link)}" style="color:#0b5cad;">${escapeHtml(entry.title)}</a></td>` +
        `<td style="${cell}">${escapeHtml(entry.organizationName)}</td><td style="${cell}">${escapeHtml(entry.dueDate)}</td>` +
        `<td style="${cell}font-weight:bold;color:#b42318;">${entry.daysLate}</td></tr>`,
    )
    .join('')}</tbody>
</table>`;
}

function footer(
  locale: Locale,
  reason: 'footerReason' | 'footerDigestReason',
  preferencesUrl: string,
): string {
  return `${escapeHtml(emailWording(locale, reason))}<br><a href="${escapeHtml(preferencesUrl)}" style="color:#0b5cad;">${escapeHtml(emailWording(locale, 'footerPreferences'))}</a>`;
}

function textFooter(
  locale: Locale,
  reason: 'footerReason' | 'footerDigestReason',
  preferencesUrl: string,
): string[] {
  return [
    '',
    '--',
    emailWording(locale, reason),
    labelled(locale, emailWording(locale, 'footerPreferences'), preferencesUrl),
  ];
}

/** "Label : value" — French puts a space before the colon, English and Arabic do not. */
function labelled(locale: Locale, label: string, value: string): string {
  return locale === 'fr' ? `${label} : ${value}` : `${label}: ${value}`;
}
