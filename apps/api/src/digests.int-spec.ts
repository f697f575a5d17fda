import { SubjectRegistry } from '@convergence/server/audit';
import { APP_CONFIG, todayInMorocco, type AppConfig } from '@convergence/server/core';
import { DigestService, MailerService } from '@convergence/server/notifications';
import type { CommitmentStatus, NotificationType, SubjectType } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { shiftDate } from './testing/action-fixtures';
import { CommitmentFixtures, uniqueName } from './testing/commitment-fixtures';
import { insertNotifications } from './testing/notifications/notification-fixtures';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './testing/notifications/smtp-sink';
import { MARRAKECH_COMMUNE, SAO_MARRAKECH, createProjectFixture, userIdOf } from './testing/project-fixtures';
import { startTestApi, type TestApi } from './testing/test-api';

/** Daily and weekly digests (issue #4), received by a real SMTP server. */

const PUBLIC_URL = 'https://convergence.test';
const SAO = 'sao@demo.convergence.ma';
const ELU_MARRAKECH = 'elu.marrakech@demo.convergence.ma';
const PREFECTURE = 'prefecture@demo.convergence.ma';
const MINISTRY = 'ministere@demo.convergence.ma';
const TODAY = todayInMorocco();
/** Noon in Casablanca, `days` from today. */
const noonIn = (days: number) => new Date(`${shiftDate(TODAY, days)}T11:00:00Z`);

interface Pending {
  type: NotificationType;
  subjectType: SubjectType;
  subjectId: string;
  payload: Record<string, unknown>;
  mode: 'IMMEDIATE' | 'DAILY' | 'WEEKLY';
  minutesAgo?: number;
}

describe('Digests', () => {
  let api: TestApi;
  let inbox: SmtpSink;
  let dataSource: DataSource;
  let mailer: MailerService;
  let digests: DigestService;
  let fixtures: CommitmentFixtures;
  const userIds: Record<string, string> = {};

  /** Notifications as the fan-out writes them, each with its e-mail delivery waiting in `mode`. */
  const pending = (email: string, rows: Pending[]): Promise<string[]> =>
    insertNotifications(
      dataSource,
      rows.map(({ mode, ...row }) => ({ userId: userIds[email], ...row, delivery: { mode } })),
    );
  const deliveriesOf = (notificationIds: string[]) =>
    dataSource.query(
      `SELECT status, message_id AS "messageId", sent_at IS NOT NULL AS sent FROM notification_delivery
       WHERE notification_id = ANY($1) ORDER BY array_position($1, notification_id)`,
      [notificationIds],
    ) as Promise<{ status: string; messageId: string | null; sent: boolean }[]>;
  const mailsTo = (email: string): ReceivedMail[] => inbox.messages.filter((mail) => mail.to.includes(email));

  beforeAll(async () => {
    inbox = await startSmtpSink();
    api = await startTestApi({ demo: true, env: { SMTP_URL: inbox.url, PUBLIC_URL } });
    dataSource = api.app.get(DataSource);
    const config = api.app.get<AppConfig>(APP_CONFIG);
    mailer = new MailerService(config);
    digests = new DigestService(dataSource, mailer, api.app.get(SubjectRegistry), config);
    fixtures = new CommitmentFixtures(dataSource);
    for (const email of [SAO, ELU_MARRAKECH, PREFECTURE, MINISTRY])
      userIds[email] = await userIdOf(dataSource, email);
  });

  afterAll(async () => {
    mailer?.onModuleDestroy();
    await api?.close();
    await inbox?.close();
  });

  it('e-mails each user one digest grouping their notifications by subject, in their language, once', async () => {
    const project = await createProjectFixture(dataSource, { codePrefix: 'DIG' });
    const commitment = await fixtures.commitment({
      title: uniqueName('Apport foncier'),
      organization: 'saoCS',
      dueDate: shiftDate(TODAY, 7),
    });
    const marrakechProject = await createProjectFixture(dataSource, {
      codePrefix: 'DIG',
      lead: SAO_MARRAKECH,
      communeCode: MARRAKECH_COMMUNE,
    });
    const sao = await pending(SAO, [
      {
        type: 'PROJECT_PROGRESS_REPORTED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, physicalProgress: 45 },
        mode: 'DAILY',
        minutesAgo: 30,
      },
      {
        type: 'PROJECT_STATUS_CHANGED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, status: 'WORKS' },
        mode: 'DAILY',
        minutesAgo: 20,
      },
      {
        type: 'COMMITMENT_DUE_SOON',
        subjectType: 'COMMITMENT',
        subjectId: commitment.id,
        payload: { subjectTitle: commitment.title, dueDate: commitment.dueDate, daysLeft: 7, rungDays: 7 },
        mode: 'DAILY',
        minutesAgo: 10,
      },
      {
        type: 'MENTION',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, excerpt: 'Mention immédiate' },
        mode: 'IMMEDIATE',
      },
      {
        type: 'COMMENT_ADDED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, excerpt: 'Pour la semaine' },
        mode: 'WEEKLY',
      },
    ]);
    const elu = await pending(ELU_MARRAKECH, [
      {
        type: 'COMMENT_ADDED',
        subjectType: 'PROJECT',
        subjectId: marrakechProject.id,
        payload: {
          subjectTitle: marrakechProject.title,
          authorName: 'Karim',
          excerpt: 'Où en est le relogement ?',
        },
        mode: 'DAILY',
      },
    ]);

    expect(await digests.send('DAILY', new Date())).toEqual({ sent: 2, failed: 0 });

    const [saoMail, ...moreToSao] = mailsTo(SAO);
    expect(moreToSao).toEqual([]);
    expect(saoMail.subject).toBe('Convergence — votre résumé du jour (3)');
    expect(saoMail.messageId).toBe(`<digest-daily-${TODAY}-${userIds[SAO]}@convergence.local>`);
    expect(saoMail.headers['content-language']).toBe('fr');
    expect(saoMail.html).toContain('<html lang="fr" dir="ltr">');
    // The latest activity first: the commitment, then the project with its two lines in order.
    const commitmentAt = saoMail.html.indexOf(`href="${PUBLIC_URL}/commitments/${commitment.id}"`);
    const projectAt = saoMail.html.indexOf(`href="${PUBLIC_URL}/projects/${project.id}"`);
    expect(commitmentAt).toBeGreaterThan(0);
    expect(projectAt).toBeGreaterThan(commitmentAt);
    expect(saoMail.html.indexOf('Avancement physique : 45 %.')).toBeGreaterThan(projectAt);
    expect(saoMail.html.indexOf('Le projet est désormais en travaux.')).toBeGreaterThan(
      saoMail.html.indexOf('Avancement physique : 45 %.'),
    );
    expect(saoMail.html).toContain(`Échéance proche : ${commitment.title}`);
    expect(saoMail.html).toContain(`href="${PUBLIC_URL}/notifications"`);
    expect(saoMail.text).toContain(
      `${project.title}\n${PUBLIC_URL}/projects/${project.id}\n- Avancement publié`,
    );
    expect(saoMail.text).not.toContain('Mention immédiate');
    expect(saoMail.text).not.toContain('Pour la semaine');

    const [eluMail, ...moreToElu] = mailsTo(ELU_MARRAKECH);
    expect(moreToElu).toEqual([]);
    expect(eluMail.subject).toBe('Convergence — ملخصك اليومي (1)');
    expect(eluMail.html).toContain('<html lang="ar" dir="rtl">');
    expect(eluMail.html).toContain('Karim: «Où en est le relogement ?»');
    expect(eluMail.text).toContain(`تعديل تفضيلات الإشعارات: ${PUBLIC_URL}/notifications`);

    const saoDigest = `digest-daily-${TODAY}-${userIds[SAO]}`;
    expect(await deliveriesOf(sao)).toEqual([
      { status: 'SENT', messageId: saoDigest, sent: true },
      { status: 'SENT', messageId: saoDigest, sent: true },
      { status: 'SENT', messageId: saoDigest, sent: true },
      { status: 'PENDING', messageId: null, sent: false },
      { status: 'PENDING', messageId: null, sent: false },
    ]);
    expect((await deliveriesOf(elu)).map((row) => row.status)).toEqual(['SENT']);

    // Sent once: the job run again (a retry, a second worker) sends nothing more.
    const received = inbox.messages.length;
    expect(await digests.send('DAILY', new Date())).toEqual({ sent: 0, failed: 0 });
    expect(inbox.messages).toHaveLength(received);
  });

  it('keeps what arrives after the day’s digest for the next day’s', async () => {
    const project = await createProjectFixture(dataSource, { codePrefix: 'DIG' });
    const late = await pending(SAO, [
      {
        type: 'PROJECT_STATUS_CHANGED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, status: 'STUDIES' },
        mode: 'DAILY',
      },
    ]);
    const before = mailsTo(SAO).length;
    expect(await digests.send('DAILY', new Date())).toEqual({ sent: 0, failed: 0 });
    expect((await deliveriesOf(late))[0].status).toBe('PENDING');

    expect(await digests.send('DAILY', noonIn(1))).toEqual({ sent: 1, failed: 0 });
    const mails = mailsTo(SAO);
    expect(mails).toHaveLength(before + 1);
    expect(mails[mails.length - 1].subject).toBe('Convergence — votre résumé du jour (1)');
    expect(mails[mails.length - 1].text).toContain('Le projet est désormais en études.');
  });

  it('gives the deliveries back when the mail server refuses, and sends them when the job is retried', async () => {
    const project = await createProjectFixture(dataSource, { codePrefix: 'DIG' });
    const ids = await pending(PREFECTURE, [
      {
        type: 'PROJECT_STATUS_CHANGED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        payload: { subjectTitle: project.title, status: 'WORKS' },
        mode: 'DAILY',
      },
    ]);
    inbox.refuse.add(PREFECTURE);
    try {
      expect(await digests.send('DAILY', noonIn(2))).toEqual({ sent: 0, failed: 1 });
    } finally {
      inbox.refuse.delete(PREFECTURE);
    }
    expect(await deliveriesOf(ids)).toEqual([{ status: 'PENDING', messageId: null, sent: false }]);
    expect(mailsTo(PREFECTURE)).toEqual([]);

    expect(await digests.send('DAILY', noonIn(2))).toEqual({ sent: 1, failed: 0 });
    expect(mailsTo(PREFECTURE)).toHaveLength(1);
    expect((await deliveriesOf(ids))[0].status).toBe('SENT');
  });

  it('adds the red list of commitments more than 30 days late to the weekly digest of ministry officials', async () => {
    const late = (days: number, status: CommitmentStatus = 'PLANNED') =>
      fixtures.commitment({
        title: uniqueName(`Rouge ${days} ${status}`),
        organization: 'regionCS',
        dueDate: shiftDate(TODAY, -days),
        status,
      });
    const listed = [await late(365, 'IN_PROGRESS'), await late(31)];
    const notListed = [
      await late(30),
      await late(10),
      await late(45, 'DECLARED'),
      await late(45, 'CANCELLED'),
    ];

    expect(await digests.send('WEEKLY', new Date())).toMatchObject({ failed: 0 });

    const officials: { email: string }[] = await dataSource.query(
      "SELECT email FROM app_user WHERE role = 'MINISTRY_OFFICIAL' AND active",
    );
    expect(officials.map((official) => official.email)).toContain(MINISTRY);
    for (const official of officials) expect(mailsTo(official.email)).toHaveLength(1);
    const [ministryMail] = mailsTo(MINISTRY);
    expect(ministryMail.subject).toBe('Convergence — votre résumé de la semaine');
    expect(ministryMail.html).toContain('Liste rouge : engagements en retard de plus de 30 jours');
    expect(ministryMail.html.indexOf(listed[0].title)).toBeGreaterThan(0);
    expect(ministryMail.html.indexOf(listed[1].title)).toBeGreaterThan(
      ministryMail.html.indexOf(listed[0].title),
    );
    expect(ministryMail.text).toContain(
      `- ${listed[1].title} — Conseil de la Région Casablanca-Settat — ${shiftDate(TODAY, -31)} — Jours de retard : 31`,
    );
    for (const commitment of notListed) expect(ministryMail.html).not.toContain(commitment.title);

    // Exactly the commitments SQL calls late by more than 30 days, demo ones included.
    const linked = [...ministryMail.html.matchAll(/\/commitments\/([0-9a-f-]{36})"/g)].map(
      (match) => match[1],
    );
    const expected: { id: string }[] = await dataSource.query(
      `SELECT id FROM commitment WHERE status IN ('PLANNED', 'IN_PROGRESS') AND due_date < $1::date - 30`,
      [TODAY],
    );
    expect([...linked].sort()).toEqual(expected.map((row) => row.id).sort());

    // Others get their weekly notifications (the SAO manager's from the first test), without the red list.
    const [saoWeekly] = mailsTo(SAO).filter((mail) =>
      mail.subject.startsWith('Convergence — votre résumé de la semaine'),
    );
    expect(saoWeekly.text).toContain('Pour la semaine');
    expect(saoWeekly.html).not.toContain('Liste rouge');

    const received = inbox.messages.length;
    expect(await digests.send('WEEKLY', new Date())).toEqual({ sent: 0, failed: 0 });
    expect(inbox.messages).toHaveLength(received);
  });
});
