import { actionOverdueSql } from '@convergence/server/actions';
import { commitmentLateSql } from '@convergence/server/commitments';
import { TODAY_SQL, todayInMorocco } from '@convergence/server/core';
import {
  DemoCalendar,
  DemoDataService,
  ORG,
  demoActions,
  demoComments,
  demoConventions,
  demoProjects,
  type DemoSeedResult,
} from '@convergence/server/demo';
import { projectHealthSql } from '@convergence/server/projects';
import { PROJECT_TRANSITIONS, type ProjectStatus } from '@convergence/shared/domain';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './testing/test-api';

/** Rows per table of the story, to show that a second seed adds none. */
const TABLES = [
  'organization',
  'app_user',
  'programme',
  'project',
  'project_milestone',
  'project_progress_report',
  'forum',
  'convention',
  'commitment',
  'commitment_fulfilment',
  'commitment_due_date_change',
  'action',
  'comment',
  'follow',
];

/**
 * The demo story of issue #3 (PRODUCT.md, "Demo data"), checked in SQL: what `npm start` loads is
 * consistent (scope columns, journals, fulfilment history) and tells the story the personas need.
 */
describe('the demo story', () => {
  jest.setTimeout(60_000);
  let api: TestApi;
  let db: DataSource;
  let first: DemoSeedResult;
  const calendar = new DemoCalendar(todayInMorocco());

  const rows = <T>(sql: string, parameters: unknown[] = []): Promise<T[]> => db.query(sql, parameters);
  const tableCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [
          table,
          Number((await rows<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n),
        ]),
      ),
    );

  beforeAll(async () => {
    api = await startTestApi();
    db = api.app.get(DataSource);
    const started = performance.now();
    first = await api.app.get(DemoDataService).seed();
    console.log(`Demo seed on an empty database: ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => api.close());

  it('loads every part of the story', () => {
    const conventions = demoConventions(calendar);
    expect(first).toMatchObject({
      projects: demoProjects(calendar).length,
      forums: 3,
      conventions: conventions.length,
      commitments: conventions.flatMap((c) => c.commitments).length,
      actions: demoActions(calendar).length,
      comments: demoComments(calendar).flatMap((thread) => [thread, ...thread.replies]).length,
    });
    expect(first.progressReports).toBeGreaterThan(300);
    expect(first.milestones).toBeGreaterThanOrEqual(3 * first.projects);
  });

  it('adds nothing when seeded again', async () => {
    const before = await tableCounts();
    const again = await api.app.get(DemoDataService).seed();
    expect(again).toEqual({
      ...first,
      users: 0,
      projects: 0,
      progressReports: 0,
      milestones: 0,
      forums: 0,
      conventions: 0,
      commitments: 0,
      fulfilments: 0,
      dueDateChanges: 0,
      actions: 0,
      comments: 0,
    });
    expect(await tableCounts()).toEqual(before);
  });

  describe('projects', () => {
    it('each project row equals its latest progress report', async () => {
      const mismatches = await rows(
        `SELECT p.code FROM project p
         JOIN LATERAL (SELECT * FROM project_progress_report r WHERE r.project_id = p.id
                       ORDER BY r.reported_at DESC LIMIT 1) r ON true
         WHERE (p.status, p.physical_progress, p.spent_amount, p.housing_units_delivered, p.households_relocated,
                p.hectares, p.last_reported_at)
           IS DISTINCT FROM
               (r.status, r.physical_progress, r.spent_amount, r.housing_units_delivered, r.households_relocated,
                r.hectares, r.reported_at)
            OR p.planned_end_date IS DISTINCT FROM COALESCE(
                 (SELECT s.planned_end_date FROM project_progress_report s
                  WHERE s.project_id = p.id AND s.planned_end_date IS NOT NULL
                  ORDER BY s.reported_at DESC LIMIT 1), p.planned_end_date)`,
      );
      expect(mismatches).toEqual([]);
      const withoutJournal = await rows(
        `SELECT code FROM project p WHERE NOT EXISTS (SELECT 1 FROM project_progress_report r WHERE r.project_id = p.id)`,
      );
      expect(withoutJournal).toEqual([]);
    });

    it('journals span several years, move forward and follow the status rules', async () => {
      const reports = await rows<{
        code: string;
        previous_status: ProjectStatus;
        status: ProjectStatus;
        progress: string;
        spent: string;
        reason_code: string | null;
        planned_end_date: string | null;
        in_past: boolean;
      }>(
        `SELECT p.code, r.previous_status, r.status, r.physical_progress AS progress, r.spent_amount AS spent,
                r.reason_code, r.planned_end_date, r.reported_at < now() AS in_past
         FROM project_progress_report r JOIN project p ON p.id = r.project_id
         ORDER BY p.code, r.reported_at`,
      );
      const years = await rows<{ first: number; last: number }>(
        `SELECT min(extract(year FROM reported_at))::int AS first, max(extract(year FROM reported_at))::int AS last
         FROM project_progress_report`,
      );
      expect(years[0].first).toBe(2018);
      expect(years[0].last).toBeGreaterThanOrEqual(2026);
      reports.forEach((report, i) => {
        const previous = reports[i - 1]?.code === report.code ? reports[i - 1] : null;
        expect(report.in_past).toBe(true);
        if (previous) {
          expect(report.previous_status).toBe(previous.status);
          expect(Number(report.progress)).toBeGreaterThanOrEqual(Number(previous.progress));
          expect(Number(report.spent)).toBeGreaterThanOrEqual(Number(previous.spent));
        }
        if (report.status !== report.previous_status) {
          expect(PROJECT_TRANSITIONS[report.previous_status]).toContain(report.status);
        }
        if (report.status === 'SUSPENDED' && report.previous_status !== 'SUSPENDED') {
          expect(report.reason_code).not.toBeNull();
        }
        if (report.status === 'DELIVERED') expect(report.progress).toBe('100.00');
      });
      const slips = reports.filter((r) => r.planned_end_date !== null);
      expect(slips.length).toBeGreaterThan(10);
      expect(slips.every((r) => r.reason_code !== null)).toBe(true);
    });

    it('every project has 3 to 6 milestones, in order', async () => {
      const counts = await rows<{ code: string; n: number; positions: number[] }>(
        `SELECT p.code, count(*)::int AS n, array_agg(m.position ORDER BY m.position) AS positions
         FROM project_milestone m JOIN project p ON p.id = m.project_id GROUP BY p.code`,
      );
      expect(counts).toHaveLength(first.projects);
      for (const { n, positions } of counts) {
        expect(n).toBeGreaterThanOrEqual(3);
        expect(n).toBeLessThanOrEqual(6);
        expect(positions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }
    });

    it('health is mixed: on track, at risk and off track, plus delivered projects', async () => {
      const mix = await rows<{ health: string | null; n: number }>(
        `SELECT ${projectHealthSql('p')} AS health, count(*)::int AS n FROM project p GROUP BY 1`,
      );
      const byHealth = Object.fromEntries(mix.map((m) => [m.health ?? 'none', m.n]));
      expect(byHealth['ON_TRACK']).toBeGreaterThanOrEqual(3);
      expect(byHealth['AT_RISK']).toBeGreaterThanOrEqual(3);
      expect(byHealth['OFF_TRACK']).toBeGreaterThanOrEqual(3);
      const offTrack = await rows<{ code: string; status: string; passed: boolean }>(
        `SELECT code, status, planned_end_date < ${TODAY_SQL} AS passed FROM project p
         WHERE ${projectHealthSql('p')} = 'OFF_TRACK'`,
      );
      expect(offTrack.some((p) => p.status === 'SUSPENDED')).toBe(true);
      expect(offTrack.some((p) => p.passed)).toBe(true);
      const stale = await rows(
        `SELECT code FROM project p WHERE ${projectHealthSql('p')} = 'AT_RISK' AND last_reported_at < now() - interval '60 days'`,
      );
      expect(stale.length).toBeGreaterThanOrEqual(1);
      const delivered = await rows<{ actual_end_date: string | null }>(
        `SELECT actual_end_date FROM project WHERE status = 'DELIVERED'`,
      );
      expect(delivered.length).toBeGreaterThanOrEqual(3);
      expect(delivered.every((p) => p.actual_end_date !== null)).toBe(true);
    });

    it('has the 8 new urban poles on 756 ha and Lakhyayta', async () => {
      const [poles] = await rows<{ n: number; hectares: string }>(
        `SELECT count(*)::int AS n, sum(hectares)::text AS hectares FROM project WHERE type = 'NEW_URBAN_POLE'`,
      );
      expect(poles).toEqual({ n: 8, hectares: '756.00' });
      expect(
        await rows(`SELECT 1 FROM project WHERE code = 'SAO-CS-VN-LAKHYAYTA' AND type = 'NEW_TOWN'`),
      ).toHaveLength(1);
    });

    it('SAO Casablanca-Settat spends about 500 M MAD a year (seed), by its journals', async () => {
      const [{ yearly }] = await rows<{ yearly: string }>(
        `SELECT (sum(r.spent_amount - r.previous_spent) / 6)::text AS yearly FROM (
           SELECT r.spent_amount, r.reported_at,
                  lag(r.spent_amount, 1, r.spent_amount) OVER (PARTITION BY r.project_id ORDER BY r.reported_at) AS previous_spent
           FROM project_progress_report r JOIN project p ON p.id = r.project_id
           JOIN organization o ON o.id = p.lead_organization_id WHERE o.name = $1) r
         WHERE r.reported_at >= '2019-01-01' AND r.reported_at < '2025-01-01'`,
        [ORG.saoCS],
      );
      expect(Number(yearly)).toBeGreaterThan(400_000_000);
      expect(Number(yearly)).toBeLessThan(600_000_000);
    });

    it('Marrakech-Safi projects exist, led by Al Omrane Marrakech-Safi', async () => {
      const projects = await rows<{ lead: string }>(
        `SELECT o.name AS lead FROM project p JOIN organization o ON o.id = p.lead_organization_id
         WHERE p.region_code = '07'`,
      );
      expect(projects.length).toBeGreaterThanOrEqual(3);
      expect(new Set(projects.map((p) => p.lead))).toEqual(new Set([ORG.saoMS]));
      const councilCommitments = await rows(
        `SELECT c.title FROM commitment c JOIN organization o ON o.id = c.organization_id
         JOIN project p ON p.id = c.project_id WHERE o.name = $1 AND p.region_code = '07'`,
        [ORG.regionMS],
      );
      expect(councilCommitments.length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('scope columns agree with the territory paths', () => {
    it('projects take the region and province of their commune', async () => {
      const wrong = await rows(
        `SELECT p.code FROM project p JOIN territory t ON t.code = p.commune_code
         WHERE t.kind NOT IN ('COMMUNE') OR p.region_code <> t.region_code OR p.province_code <> t.province_code
            OR t.path NOT LIKE p.region_code || '/' || p.province_code || '/%'`,
      );
      expect(wrong).toEqual([]);
    });

    it('commitments take the scope of their project, else of their convention', async () => {
      const wrong = await rows(
        `SELECT c.title FROM commitment c
         LEFT JOIN project p ON p.id = c.project_id JOIN convention v ON v.id = c.convention_id
         WHERE (c.region_code, c.province_code) IS DISTINCT FROM
               (COALESCE(p.region_code, v.region_code), CASE WHEN p.id IS NULL THEN NULL ELSE p.province_code END)
            OR NOT (c.organization_id = ANY (v.party_organization_ids))
            OR (c.project_id IS NOT NULL AND NOT (c.project_id = ANY (v.project_ids)))
            OR c.forum_id IS DISTINCT FROM v.forum_id`,
      );
      expect(wrong).toEqual([]);
    });

    it('actions take the scope of their territory, which exists at the right level', async () => {
      const wrong = await rows(
        `SELECT a.title FROM action a JOIN territory t ON t.code = a.territory_code
         WHERE a.region_code IS DISTINCT FROM t.region_code OR a.province_code IS DISTINCT FROM t.province_code`,
      );
      expect(wrong).toEqual([]);
      const levels = await rows<{ kind: string }>(
        `SELECT DISTINCT t.kind FROM action a JOIN territory t ON t.code = a.territory_code`,
      );
      expect(levels.map((l) => l.kind)).toEqual(expect.arrayContaining(['REGION', 'COMMUNE']));
    });

    it('forums and conventions are regional, and name their organisations', async () => {
      const wrong = await rows(
        `SELECT title FROM forum WHERE province_code IS NOT NULL OR region_code IS NULL
         UNION ALL SELECT title FROM convention WHERE province_code IS NOT NULL OR region_code IS NULL
            OR cardinality(party_organization_ids) < 3 OR cardinality(project_ids) < 1`,
      );
      expect(wrong).toEqual([]);
    });
  });

  describe('forums', () => {
    it('the forum of 11 October 2018 gathers the partners of Casablanca-Settat around the seed’s theme', async () => {
      const [forum] = await rows<{
        theme: string;
        place: string;
        resolutions: string[];
        participants: string[];
      }>(
        `SELECT f.theme, f.place, f.resolutions, array_agg(o.name) AS participants
         FROM forum f JOIN organization o ON o.id = ANY (f.participant_organization_ids)
         WHERE f.held_on = '2018-10-11' GROUP BY f.id`,
      );
      expect(forum.theme).toBe(
        "Les centres émergents, outil d'équilibre socio-spatial et levier de développement territorial",
      );
      expect(forum.place).toContain('Casablanca');
      expect(forum.resolutions.length).toBeGreaterThanOrEqual(4);
      expect(forum.participants).toEqual(
        expect.arrayContaining([
          ORG.ministry,
          ORG.holding,
          ORG.regionCS,
          ORG.wilayaCS,
          ORG.saoCS,
          ORG.prefectureCasablanca,
        ]),
      );
    });

    it('a follow-up meeting is scheduled, and Marrakech-Safi had its forum', async () => {
      expect(
        await rows(`SELECT 1 FROM forum WHERE held_on > ${TODAY_SQL} AND region_code = '06'`),
      ).toHaveLength(1);
      expect(await rows(`SELECT 1 FROM forum WHERE region_code = '07'`)).toHaveLength(1);
    });
  });

  describe('commitments', () => {
    it('mixes every status', async () => {
      const statuses = await rows<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM commitment GROUP BY status`,
      );
      const byStatus = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
      expect(byStatus['FULFILLED']).toBeGreaterThanOrEqual(5);
      expect(byStatus['PARTIALLY_FULFILLED']).toBeGreaterThanOrEqual(1);
      expect(byStatus['DECLARED']).toBeGreaterThanOrEqual(2);
      expect(byStatus['CANCELLED']).toBe(1);
      expect(byStatus['IN_PROGRESS']).toBeGreaterThanOrEqual(5);
      expect(byStatus['PLANNED']).toBeGreaterThanOrEqual(1);
    });

    it('a declared commitment has one pending declaration; the regional council and SAO each have one', async () => {
      const declared = await rows<{ declarer: string | null; pending: number; total: number }>(
        `SELECT u.email AS declarer, count(*) FILTER (WHERE f.accepted IS NULL)::int AS pending, count(*)::int AS total
         FROM commitment c JOIN commitment_fulfilment f ON f.commitment_id = c.id
         LEFT JOIN app_user u ON u.id = f.declared_by_user_id
         WHERE c.status = 'DECLARED' GROUP BY c.id, u.email`,
      );
      expect(declared.length).toBeGreaterThanOrEqual(2);
      expect(declared.every((d) => d.pending === 1 && d.total === 1)).toBe(true);
      expect(declared.map((d) => d.declarer)).toEqual(
        expect.arrayContaining(['elu@demo.convergence.ma', 'sao@demo.convergence.ma']),
      );
    });

    it('a fulfilled commitment has an accepted declaration, verified by the ministry, on time or late', async () => {
      const fulfilled = await rows<{
        status: string;
        verifier: string;
        whole: boolean;
        on_time: boolean;
        declared_on_matches: boolean;
      }>(
        `SELECT c.status, u.email AS verifier,
                (COALESCE(c.fulfilled_amount = c.amount, c.fulfilled_quantity = c.quantity)) AS whole,
                c.fulfilled_on <= c.due_date AS on_time,
                c.fulfilled_on = (f.declared_at AT TIME ZONE 'Africa/Casablanca')::date AS declared_on_matches
         FROM commitment c JOIN commitment_fulfilment f ON f.commitment_id = c.id AND f.accepted
         JOIN app_user u ON u.id = f.verified_by_user_id
         WHERE c.status IN ('FULFILLED', 'PARTIALLY_FULFILLED')`,
      );
      expect(fulfilled.every((f) => f.verifier === 'ministere@demo.convergence.ma')).toBe(true);
      expect(fulfilled.every((f) => f.declared_on_matches)).toBe(true);
      expect(fulfilled.filter((f) => f.status === 'FULFILLED').every((f) => f.whole)).toBe(true);
      expect(fulfilled.filter((f) => f.status === 'PARTIALLY_FULFILLED').some((f) => f.whole)).toBe(false);
      expect(fulfilled.some((f) => f.on_time)).toBe(true);
      expect(fulfilled.some((f) => !f.on_time)).toBe(true);
      const withoutAccepted = await rows(
        `SELECT c.title FROM commitment c WHERE c.status IN ('FULFILLED', 'PARTIALLY_FULFILLED')
           AND NOT EXISTS (SELECT 1 FROM commitment_fulfilment f WHERE f.commitment_id = c.id AND f.accepted)`,
      );
      expect(withoutAccepted).toEqual([]);
    });

    it('some are late, by delays that reach every escalation rung', async () => {
      const late = await rows<{ days: number }>(
        `SELECT (${TODAY_SQL} - c.due_date) AS days FROM commitment c WHERE ${commitmentLateSql('c')} ORDER BY 1`,
      );
      expect(late.map((l) => l.days)).toEqual(expect.arrayContaining([3, 20, 45, 120]));
      const dueSoon = await rows<{ days: number }>(
        `SELECT (c.due_date - ${TODAY_SQL}) AS days FROM commitment c
         WHERE c.status IN ('PLANNED', 'IN_PROGRESS') AND c.due_date >= ${TODAY_SQL}`,
      );
      expect(dueSoon.map((d) => d.days)).toEqual(expect.arrayContaining([1, 7, 30]));
    });

    it('a moved due date keeps the original and every move with its reason', async () => {
      const moved = await rows<{
        original: string;
        due: string;
        first_previous: string;
        last_new: string;
        n: number;
      }>(
        `SELECT c.original_due_date::text AS original, c.due_date::text AS due, count(*)::int AS n,
                (array_agg(h.previous_due_date::text ORDER BY h.changed_at))[1] AS first_previous,
                (array_agg(h.new_due_date::text ORDER BY h.changed_at DESC))[1] AS last_new
         FROM commitment c JOIN commitment_due_date_change h ON h.commitment_id = c.id GROUP BY c.id`,
      );
      expect(moved.length).toBeGreaterThanOrEqual(3);
      expect(moved.some((m) => m.n >= 2)).toBe(true);
      for (const m of moved) {
        expect(m.first_previous).toBe(m.original);
        expect(m.last_new).toBe(m.due);
      }
      const unexplained = await rows(
        `SELECT c.title FROM commitment c WHERE c.original_due_date <> c.due_date
           AND NOT EXISTS (SELECT 1 FROM commitment_due_date_change h WHERE h.commitment_id = c.id)`,
      );
      expect(unexplained).toEqual([]);
    });

    it('the cancelled one and the one sent back say why', async () => {
      const explained = await rows<{ status: string; reason: string | null }>(
        `SELECT status, status_reason_code AS reason FROM commitment WHERE status_note IS NOT NULL`,
      );
      expect(explained.map((e) => e.status)).toEqual(expect.arrayContaining(['CANCELLED', 'IN_PROGRESS']));
      // A cancellation has a reason code; a send-back's reason is the ministry's note.
      expect(explained.filter((e) => e.status === 'CANCELLED').every((e) => e.reason !== null)).toBe(true);
      const [sentBack] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM commitment_fulfilment WHERE accepted = false AND verification_note IS NOT NULL`,
      );
      expect(sentBack.n).toBeGreaterThanOrEqual(1);
    });

    it('link back to the forum where they were announced', async () => {
      const [{ n }] = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM commitment c JOIN forum f ON f.id = c.forum_id WHERE f.held_on = '2018-10-11'`,
      );
      expect(n).toBeGreaterThanOrEqual(20);
    });
  });

  describe('actions', () => {
    it('decided at the 2018 forum, with every status, priorities, reasons and some overdue', async () => {
      const actions = await rows<{
        status: string;
        priority: string;
        reason: string | null;
        overdue: boolean;
        done_on: string | null;
      }>(
        `SELECT a.status, a.priority, a.status_reason_code AS reason, ${actionOverdueSql('a')} AS overdue, a.done_on
         FROM action a JOIN forum f ON f.id = a.forum_id WHERE f.held_on = '2018-10-11'`,
      );
      expect(new Set(actions.map((a) => a.status))).toEqual(
        new Set(['OPEN', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED']),
      );
      expect(new Set(actions.map((a) => a.priority)).size).toBe(4);
      expect(
        actions.filter((a) => a.status === 'BLOCKED' || a.status === 'CANCELLED').every((a) => a.reason),
      ).toBe(true);
      expect(actions.filter((a) => a.status === 'DONE').every((a) => a.done_on)).toBe(true);
      expect(actions.filter((a) => a.overdue).length).toBeGreaterThanOrEqual(3);
    });

    it('the Préfecture de Casablanca is responsible for relocation and land clearance in its prefecture', async () => {
      const actions = await rows<{ province_code: string }>(
        `SELECT a.province_code FROM action a JOIN organization o ON o.id = a.responsible_organization_id
         WHERE o.name = $1`,
        [ORG.prefectureCasablanca],
      );
      expect(actions.length).toBeGreaterThanOrEqual(3);
      expect(actions.every((a) => a.province_code === '06.141')).toBe(true);
    });
  });

  describe('comments', () => {
    it('threads on Casablanca-Settat projects: the council and the prefecture ask, SAO answers, one mention', async () => {
      const comments = await rows<{ author: string; reply: boolean; region: string; mentions: number }>(
        `SELECT u.email AS author, c.parent_id IS NOT NULL AS reply, p.region_code AS region,
                cardinality(c.mention_user_ids) AS mentions
         FROM comment c JOIN app_user u ON u.id = c.author_user_id JOIN project p ON p.id = c.subject_id`,
      );
      expect(comments).toHaveLength(first.comments);
      expect(comments.every((c) => c.region === '06')).toBe(true);
      expect(new Set(comments.filter((c) => !c.reply).map((c) => c.author))).toEqual(
        new Set(['elu@demo.convergence.ma', 'prefecture@demo.convergence.ma']),
      );
      expect(new Set(comments.filter((c) => c.reply).map((c) => c.author))).toEqual(
        new Set(['sao@demo.convergence.ma']),
      );
      expect(comments.filter((c) => c.mentions > 0)).toHaveLength(1);
    });

    it('one formal question answered in time by SAO, one open for nine days, past its deadline', async () => {
      const questions = await rows<{
        answered: boolean;
        in_time: boolean;
        days_open: number;
        past_due: boolean;
      }>(
        `SELECT q.answered_at IS NOT NULL AS answered, q.answered_at <= q.question_due_at AS in_time,
                ${TODAY_SQL} - (q.created_at AT TIME ZONE 'Africa/Casablanca')::date AS days_open,
                q.question_due_at < now() AS past_due
         FROM comment q WHERE q.is_question ORDER BY q.created_at`,
      );
      expect(questions).toEqual([
        { answered: true, in_time: true, days_open: 24, past_due: true },
        { answered: false, in_time: null, days_open: 9, past_due: true },
      ]);
      const [answer] = await rows<{ answered_at: Date; first_reply_at: Date }>(
        `SELECT q.answered_at, min(r.created_at) AS first_reply_at
         FROM comment q JOIN comment r ON r.parent_id = q.id WHERE q.is_question GROUP BY q.id`,
      );
      expect(answer.answered_at).toEqual(answer.first_reply_at);
    });
  });
});
