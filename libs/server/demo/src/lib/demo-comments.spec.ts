import { DemoCalendar } from './demo-calendar';
import { answeredAt, demoComments, questionDueAt } from './demo-comments';
import { DEMO_ACCOUNTS, ORG } from './demo-organizations';
import { demoProjects } from './demo-projects';

describe('the demo comments', () => {
  const calendar = new DemoCalendar('2026-11-29');
  const threads = demoComments(calendar);
  const projects = new Map(demoProjects(calendar).map((p) => [p.code, p]));
  const startOfToday = DemoCalendar.at(calendar.today, 0);

  it('are written by demo accounts who may read the project: Casablanca-Settat projects of SAO, the prefecture’s own', () => {
    const emails = new Set(DEMO_ACCOUNTS.map((a) => a.email));
    for (const thread of threads) {
      const project = projects.get(thread.project);
      expect(project?.lead).toBe(ORG.saoCS);
      for (const comment of [thread, ...thread.replies]) {
        expect(emails.has(comment.author)).toBe(true);
        for (const mention of comment.mentions ?? []) expect(emails.has(mention)).toBe(true);
        if (comment.author === 'prefecture@demo.convergence.ma')
          expect(project?.commune).toMatch(/^06\.141\./);
      }
    }
    expect(new Set(threads.map((t) => t.project)).size).toBe(3);
    expect(threads.flatMap((t) => [t, ...t.replies]).filter((c) => c.mentions?.length)).toHaveLength(1);
  });

  it('happened before today, each reply after what it answers', () => {
    for (const thread of threads) {
      const times = [thread, ...thread.replies].map((c) => c.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((time) => time < startOfToday.getTime())).toBe(true);
    }
  });

  it('have one question answered in time and one still open past its deadline, asked nine days ago', () => {
    const questions = threads.filter((t) => t.isQuestion);
    const answers = questions.map((q) => answeredAt(q, projects.get(q.project)?.lead ?? ''));
    expect(answers.filter((a) => a !== null)).toHaveLength(1);
    questions.forEach((question, i) => {
      const due = questionDueAt(question) as Date;
      if (answers[i]) expect((answers[i] as Date).getTime()).toBeLessThan(due.getTime());
      else {
        expect(question.createdAt.toISOString().slice(0, 10)).toBe(calendar.day(-9));
        expect(due.getTime()).toBeLessThan(startOfToday.getTime());
      }
    });
  });

  it('are recognised by the text of their first comment, so that a second seed adds none', () => {
    expect(new Set(threads.map((t) => t.body)).size).toBe(threads.length);
  });
});
