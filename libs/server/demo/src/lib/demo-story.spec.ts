import { DemoCalendar, addDays } from './demo-calendar';
import { demoActions } from './demo-actions';
import { buildCommitmentHistory } from './demo-commitments';
import { demoConventions } from './demo-conventions';
import { demoForums } from './demo-forums';
import { buildJournal } from './demo-journals';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, ORG } from './demo-organizations';
import { DEMO_PROGRAMMES, demoProjects } from './demo-projects';

/** Names of the organisations the seed creates (the authorities come from the territory table). */
const KNOWN = new Set<string>([...DEMO_ORGANIZATIONS.map((o) => o.name), ...Object.values(ORG)]);

/** The story must hold whenever the demo is loaded: today, and in the years to come. */
describe.each(['2026-11-29', addDays('2026-11-29', 400), '2029-06-30'])(
  'the demo story loaded on %s',
  (today) => {
    const calendar = new DemoCalendar(today);
    const projects = demoProjects(calendar);
    const conventions = demoConventions(calendar);
    const codes = new Set(projects.map((p) => p.code));
    const forums = new Set(demoForums(calendar).map((f) => f.key));

    it('builds every project journal within the rules', () => {
      for (const project of projects) expect(() => buildJournal(project, today)).not.toThrow();
    });

    it('builds every commitment history, each commitment binding a party to a project of its convention', () => {
      for (const convention of conventions) {
        expect(forums.has(convention.forum)).toBe(true);
        for (const code of convention.projects) expect(codes.has(code)).toBe(true);
        for (const commitment of convention.commitments) {
          expect(() => buildCommitmentHistory(commitment, today)).not.toThrow();
          expect(convention.parties).toContain(commitment.organization);
          if (commitment.project) expect(convention.projects).toContain(commitment.project);
        }
      }
    });

    it('names only known organisations, programmes, projects and forums', () => {
      const names = [
        ...projects.flatMap((p) => [p.lead, ...p.partners]),
        ...conventions.flatMap((c) => c.parties),
        ...demoActions(calendar).flatMap((a) => [a.responsible, ...(a.contributors ?? [])]),
        ...DEMO_ACCOUNTS.map((a) => a.organization),
      ];
      expect(names.filter((name) => !KNOWN.has(name))).toEqual([]);
      const programmes = new Set(DEMO_PROGRAMMES.map((p) => p.code));
      expect(projects.filter((p) => !programmes.has(p.programme))).toEqual([]);
      for (const action of demoActions(calendar)) {
        expect(forums.has(action.forum)).toBe(true);
        if (action.project) expect(codes.has(action.project)).toBe(true);
      }
    });

    it('recognises rows by unique codes and titles, so that a second seed adds nothing', () => {
      const unique = (values: string[]) => new Set(values).size === values.length;
      expect(unique(projects.map((p) => p.code))).toBe(true);
      expect(unique(conventions.map((c) => c.code))).toBe(true);
      expect(unique(conventions.flatMap((c) => c.commitments.map((x) => x.title)))).toBe(true);
      expect(unique(demoActions(calendar).map((a) => a.title))).toBe(true);
      expect(unique(demoForums(calendar).map((f) => f.title))).toBe(true);
    });
  },
);
