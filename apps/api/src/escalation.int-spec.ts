import { ActionEntity } from '@convergence/server/actions';
import { CommitmentEntity } from '@convergence/server/commitments';
import { CommentEntity } from '@convergence/server/discussion';
import { SubjectRegistry } from '@convergence/server/audit';
import { APP_CONFIG, todayInMorocco, type AppConfig } from '@convergence/server/core';
import {
  DigestService,
  EscalationScanner,
  MailerService,
  ScheduleRegistrar,
  SchedulesProcessor,
  type ScanResult,
} from '@convergence/server/notifications';
import { QUEUES } from '@convergence/server/outbox';
import { Queue, UnrecoverableError } from 'bullmq';
import {
  COMMITMENT_LADDER,
  OPEN_COMMITMENT_STATUSES,
  type CommitmentStatus,
} from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { insertAction, insertForum, shiftDate } from './testing/action-fixtures';
import { CommitmentFixtures, uniqueName } from './testing/commitment-fixtures';
import {
  CASABLANCA_COMMUNE,
  SAO_CASABLANCA,
  createProjectFixture,
  userIdOf,
} from './testing/project-fixtures';
import { startTestApi, type TestApi } from './testing/test-api';

/** The scheduled scans of issue #4 (escalation ladder and reminders) on the real PostgreSQL. */

interface RecordedEvent {
  type: string;
  subjectType: string;
  subjectId: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
}

const TODAY = todayInMorocco();
const day = (offset: number) => shiftDate(TODAY, offset);
/** A moment of `date` (noon in Casablanca) for timestamps. */
const noonOf = (date: string) => new Date(`${date}T11:00:00Z`);

/** Independent oracle of the ladder: for each audience, the highest rung reached on `today`. */
function expectedRungs(dueDate: string, today: string): { type: string; rungDays: number }[] {
  const reached = COMMITMENT_LADDER.filter((rung) => shiftDate(dueDate, rung.offsetDays) <= today);
  const highest = new Map<string, (typeof COMMITMENT_LADDER)[number]>();
  for (const rung of reached) {
    const current = highest.get(rung.audience);
    if (!current || rung.offsetDays > current.offsetDays) highest.set(rung.audience, rung);
  }
  return [...highest.values()].map((rung) => ({ type: rung.type, rungDays: Math.abs(rung.offsetDays) }));
}

describe('Escalation and reminder scans', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let scanner: EscalationScanner;
  let fixtures: CommitmentFixtures;

  const eventsOf = async (subjectId: string): Promise<RecordedEvent[]> =>
    dataSource.query(
      `SELECT type, subject_type AS "subjectType", subject_id AS "subjectId", dedupe_key AS "dedupeKey", payload
       FROM outbox_event WHERE subject_id = $1 ORDER BY created_at, dedupe_key`,
      [subjectId],
    );
  const outboxCount = async (): Promise<number> =>
    Number((await dataSource.query('SELECT count(*) AS n FROM outbox_event'))[0].n);
  const commitment = (dueDate: string, status: CommitmentStatus = 'PLANNED') =>
    fixtures.commitment({ title: uniqueName('Engagement échelle'), organization: 'saoCS', dueDate, status });

  beforeAll(async () => {
    api = await startTestApi({ demo: true });
    dataSource = api.app.get(DataSource);
    scanner = new EscalationScanner(dataSource);
    fixtures = new CommitmentFixtures(dataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  // First, while no scan has run on any other day: what a fresh `npm start` on the demo data shows.
  it('puts every open demo commitment on its rung of the ladder at once, late ones escalated', async () => {
    const before = new Set(
      (await dataSource.query('SELECT id FROM outbox_event')).map((row: { id: string }) => row.id),
    );
    await scanner.scan(TODAY);

    const recorded: (RecordedEvent & { id: string })[] = await dataSource.query(
      `SELECT id, type, subject_id AS "subjectId", payload FROM outbox_event WHERE subject_type = 'COMMITMENT'`,
    );
    const fromThisScan = recorded.filter((event) => !before.has(event.id));
    const actual = fromThisScan
      .map((event) => `${event.subjectId} ${event.type} ${event.payload['rungDays']}`)
      .sort();

    const commitments: { id: string; due_date: string; status: CommitmentStatus }[] = await dataSource.query(
      'SELECT id, due_date::text AS due_date, status FROM commitment',
    );
    const expected = commitments
      .filter((row) => (OPEN_COMMITMENT_STATUSES as readonly string[]).includes(row.status))
      .flatMap((row) =>
        expectedRungs(row.due_date, TODAY).map((rung) => `${row.id} ${rung.type} ${rung.rungDays}`),
      )
      .sort();
    expect(actual).toEqual(expected);
    // The demo story has late commitments (PRODUCT.md): the ladder is visible on a fresh start.
    expect(fromThisScan.some((event) => event.type === 'COMMITMENT_OVERDUE')).toBe(true);
    expect(fromThisScan.some((event) => event.type === 'COMMITMENT_ESCALATED')).toBe(true);
  });

  it('records nothing new when the scan runs again the same day', async () => {
    await scanner.scan(TODAY);
    const count = await outboxCount();
    const again = await scanner.scan(TODAY);
    expect(again).toEqual<ScanResult>({ commitments: 0, actions: 0, projects: 0, questions: 0, forums: 0 });
    expect(await outboxCount()).toBe(count);
  });

  it('climbs each rung once, in order, as the days pass', async () => {
    const due = day(30);
    const row = await commitment(due, 'IN_PROGRESS');
    for (let offset = 0; offset <= 50; offset += 1) await scanner.scan(day(offset));

    const events = await eventsOf(row.id);
    expect(events.map((event) => [event.type, event.payload['rungDays']])).toEqual([
      ['COMMITMENT_DUE_SOON', 30],
      ['COMMITMENT_DUE_SOON', 7],
      ['COMMITMENT_DUE_SOON', 1],
      ['COMMITMENT_OVERDUE', 1],
      ['COMMITMENT_ESCALATED', 15],
    ]);
    expect(events.map((event) => event.dedupeKey)).toEqual([
      `commitment-due-30-${row.id}-${due}`,
      `commitment-due-7-${row.id}-${due}`,
      `commitment-due-1-${row.id}-${due}`,
      `commitment-late-1-${row.id}-${due}`,
      `commitment-late-15-${row.id}-${due}`,
    ]);
    for (const event of events) expect(event.dedupeKey).not.toContain(':');
    expect(events[0].payload).toEqual({
      subjectTitle: row.title,
      dueDate: due,
      rungDays: 30,
      daysLeft: 30,
      organizationId: row.organizationId,
      organizationName: 'Société Al Omrane Casablanca-Settat',
    });
    expect(events[3].payload).toMatchObject({ dueDate: due, daysLate: 1 });
    // ESCALATED is the ministry's rung (the worker sends it to the ministry officials).
    expect(events[4]).toMatchObject({
      type: 'COMMITMENT_ESCALATED',
      subjectType: 'COMMITMENT',
      subjectId: row.id,
    });
    expect(events[4].payload).toMatchObject({
      daysLate: 15,
      organizationName: 'Société Al Omrane Casablanca-Settat',
    });
    expect(COMMITMENT_LADDER.find((rung) => rung.type === 'COMMITMENT_ESCALATED')?.audience).toBe('MINISTRY');
  });

  it('catches up after days without a scan with the highest rung reached for each audience only', async () => {
    const longLate = await commitment(day(-200));
    const dueSoon = await commitment(day(5));
    const dueToday = await commitment(TODAY);
    await scanner.scan(TODAY);

    expect((await eventsOf(longLate.id)).map((event) => [event.type, event.payload['daysLate']])).toEqual([
      ['COMMITMENT_OVERDUE', 200],
      ['COMMITMENT_ESCALATED', 200],
    ]);
    expect((await eventsOf(dueSoon.id)).map((event) => [event.type, event.payload])).toEqual([
      ['COMMITMENT_DUE_SOON', expect.objectContaining({ rungDays: 7, daysLeft: 5 })],
    ]);
    // Due today is not late yet (the lists' `late`): the last reminder before the due date.
    expect((await eventsOf(dueToday.id)).map((event) => [event.type, event.payload['rungDays']])).toEqual([
      ['COMMITMENT_DUE_SOON', 1],
    ]);
  });

  it('never escalates a commitment that is declared, fulfilled or cancelled', async () => {
    const closed = await Promise.all(
      (['DECLARED', 'FULFILLED', 'PARTIALLY_FULFILLED', 'CANCELLED'] as const).map((status) =>
        commitment(day(-20), status),
      ),
    );
    const fulfilledLater = await commitment(day(-1), 'IN_PROGRESS');
    await scanner.scan(TODAY);
    expect((await eventsOf(fulfilledLater.id)).map((event) => event.type)).toEqual(['COMMITMENT_OVERDUE']);

    await dataSource.getRepository(CommitmentEntity).update(fulfilledLater.id, { status: 'FULFILLED' });
    for (const offset of [14, 30, 60]) await scanner.scan(day(offset));

    expect((await eventsOf(fulfilledLater.id)).map((event) => event.type)).toEqual(['COMMITMENT_OVERDUE']);
    for (const row of closed) expect(await eventsOf(row.id)).toEqual([]);
  });

  it('starts the ladder again when the due date is moved', async () => {
    const row = await commitment(day(-2));
    await scanner.scan(TODAY);
    await dataSource.getRepository(CommitmentEntity).update(row.id, { dueDate: day(20) });
    await scanner.scan(TODAY);

    expect((await eventsOf(row.id)).map((event) => [event.type, event.payload['dueDate']])).toEqual([
      ['COMMITMENT_OVERDUE', day(-2)],
      ['COMMITMENT_DUE_SOON', day(20)],
    ]);
  });

  it('reminds the responsible organisation of an overdue action once per due date', async () => {
    const action = (dueDate: string, status: ActionEntity['status']) =>
      insertAction(dataSource, {
        title: uniqueName('Action à relancer'),
        territoryCode: CASABLANCA_COMMUNE,
        responsible: SAO_CASABLANCA,
        dueDate,
        status,
      });
    const [open, blocked, done, dueToday] = [
      await action(day(-3), 'OPEN'),
      await action(day(-1), 'BLOCKED'),
      await action(day(-3), 'DONE'),
      await action(TODAY, 'IN_PROGRESS'),
    ];
    await scanner.scan(TODAY);
    await scanner.scan(day(1));

    const [openEvent, ...others] = await eventsOf(open);
    expect(others).toEqual([]);
    expect(openEvent).toMatchObject({
      type: 'ACTION_OVERDUE',
      subjectType: 'ACTION',
      dedupeKey: `action-overdue-${open}-${day(-3)}`,
      payload: expect.objectContaining({ dueDate: day(-3), daysLate: 3, organizationName: SAO_CASABLANCA }),
    });
    expect((await eventsOf(blocked)).map((event) => event.type)).toEqual(['ACTION_OVERDUE']);
    expect(await eventsOf(done)).toEqual([]);
    // Due today: overdue only from tomorrow, the day the second scan ran.
    expect((await eventsOf(dueToday)).map((event) => event.payload['daysLate'])).toEqual([1]);
  });

  it('recalls a project without a progress report for 60 days, once per 60-day period', async () => {
    const project = (reportedDaysAgo: number, status: 'WORKS' | 'DELIVERED' = 'WORKS') =>
      createProjectFixture(dataSource, {
        codePrefix: 'STALE',
        values: { status, lastReportedAt: noonOf(day(-reportedDaysAgo)) },
      });
    const stale = await project(61);
    const fresh = await project(60);
    const delivered = await project(100, 'DELIVERED');
    await scanner.scan(TODAY);
    await scanner.scan(day(59));

    expect(await eventsOf(stale.id)).toEqual([
      expect.objectContaining({
        type: 'PROJECT_STALE',
        subjectType: 'PROJECT',
        dedupeKey: `project-stale-${stale.id}-${TODAY}`,
        payload: expect.objectContaining({
          daysSinceReport: 61,
          lastReportedOn: day(-61),
          subjectTitle: stale.title,
        }),
      }),
    ]);
    expect(await eventsOf(delivered.id)).toEqual([]);
    // The fresh one became stale the next day: that is its first period.
    expect((await eventsOf(fresh.id)).map((event) => event.dedupeKey)).toEqual([
      `project-stale-${fresh.id}-${day(1)}`,
    ]);

    await scanner.scan(day(60));
    expect(
      (await eventsOf(stale.id)).map((event) => [event.dedupeKey, event.payload['daysSinceReport']]),
    ).toEqual([
      [`project-stale-${stale.id}-${TODAY}`, 61],
      [`project-stale-${stale.id}-${day(60)}`, 121],
    ]);
  });

  it('reminds the lead organisation and the asker of a formal question left unanswered past its due day', async () => {
    const project = await createProjectFixture(dataSource, { codePrefix: 'QST' });
    const asker = await userIdOf(dataSource, 'elu@demo.convergence.ma');
    const comments = dataSource.getRepository(CommentEntity);
    const question = async (values: Partial<CommentEntity>) =>
      (
        await comments.insert({
          subjectType: 'PROJECT',
          subjectId: project.id,
          authorUserId: asker,
          body: 'Quand les travaux de voirie reprendront-ils ?',
          isQuestion: true,
          questionDueAt: noonOf(day(-1)),
          ...values,
        })
      ).identifiers[0]['id'] as string;
    const unanswered = await question({});
    await question({ answeredAt: noonOf(day(-2)) });
    await question({ deletedAt: noonOf(day(-2)) });
    await question({ questionDueAt: noonOf(TODAY) });
    await question({ isQuestion: false, questionDueAt: null });
    await scanner.scan(TODAY);
    await scanner.scan(TODAY);

    expect(await eventsOf(project.id)).toEqual([
      {
        type: 'QUESTION_UNANSWERED',
        subjectType: 'PROJECT',
        subjectId: project.id,
        dedupeKey: `question-unanswered-${unanswered}`,
        payload: expect.objectContaining({
          subjectTitle: project.title,
          commentId: unanswered,
          authorUserId: asker,
          excerpt: 'Quand les travaux de voirie reprendront-ils ?',
        }),
      },
    ]);
  });

  it('reminds of a forum in the coming seven days, once', async () => {
    const forum = (heldOn: string) =>
      insertForum(dataSource, { title: uniqueName('Forum à rappeler'), heldOn, regionCode: '06' });
    const inAWeek = await forum(day(7));
    const inEightDays = await forum(day(8));
    const past = await forum(day(-1));
    await scanner.scan(TODAY);
    await scanner.scan(day(1));

    expect(await eventsOf(inAWeek)).toEqual([
      expect.objectContaining({
        type: 'FORUM_REMINDER',
        dedupeKey: `forum-reminder-${inAWeek}-${day(7)}`,
        payload: expect.objectContaining({ date: day(7), place: 'Casablanca', daysLeft: 7 }),
      }),
    ]);
    expect((await eventsOf(inEightDays)).map((event) => event.payload['daysLeft'])).toEqual([7]);
    expect(await eventsOf(past)).toEqual([]);
  });
});

describe('Schedules of the worker', () => {
  let api: TestApi;
  let queue: Queue;
  let mailer: MailerService;
  let processor: SchedulesProcessor;

  beforeAll(async () => {
    api = await startTestApi();
    const config = api.app.get<AppConfig>(APP_CONFIG);
    const dataSource = api.app.get(DataSource);
    mailer = new MailerService(config);
    processor = new SchedulesProcessor(
      new EscalationScanner(dataSource),
      new DigestService(dataSource, mailer, api.app.get(SubjectRegistry), config),
    );
    queue = new Queue(QUEUES.schedules, {
      connection: { url: config.redisUrl },
      prefix: `test-schedules-${process.pid}-${Date.now()}`,
    });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await queue?.close();
    mailer?.onModuleDestroy();
    await api?.close();
  });

  it('declares the scan and the digests as job schedulers on Morocco’s clock, once however often a worker starts', async () => {
    const registrar = new ScheduleRegistrar();
    await registrar.register(queue);
    await registrar.register(queue);

    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => [scheduler.key, scheduler.pattern, scheduler.tz]).sort()).toEqual([
      ['digest-daily', '0 18 * * *', 'Africa/Casablanca'],
      ['digest-weekly', '0 8 * * 1', 'Africa/Casablanca'],
      ['escalation-scan', '0 6 * * *', 'Africa/Casablanca'],
    ]);
    // Each scheduler keeps its next run waiting, and nothing else.
    expect((await queue.getDelayed()).map((job) => job.name).sort()).toEqual([
      'digest-daily',
      'digest-weekly',
      'escalation-scan',
    ]);
  });

  it('runs a scheduled job by its name and refuses an unknown one without retrying it', async () => {
    await expect(processor.process({ name: 'escalation-scan' })).resolves.toEqual<ScanResult>({
      commitments: 0,
      actions: 0,
      projects: 0,
      questions: 0,
      forums: 0,
    });
    await expect(processor.process({ name: 'digest-daily' })).resolves.toEqual({ sent: 0, failed: 0 });
    await expect(processor.process({ name: 'reindex' })).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
