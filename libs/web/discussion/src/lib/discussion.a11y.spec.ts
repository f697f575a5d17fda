import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FakeApi, provideFakeApi } from '@convergence/web/core/testing';
import axe from 'axe-core';
import { provideDiscussionTranslations } from '../testing/discussion-testing';
import { AuditHistory } from './audit-history/audit-history';
import { MENTION_SEARCH_DELAY } from './discussion-thread/comment-composer';
import { DiscussionThread } from './discussion-thread/discussion-thread';
import { FollowButton } from './follow-button/follow-button';

/** The three pieces as a subject page places them, under its own headings. */
@Component({
  imports: [DiscussionThread, FollowButton, AuditHistory],
  template: `
    <main>
      <h1>Projet Lakhyayta</h1>
      <cv-follow-button subjectType="PROJECT" subjectId="p1" />
      <section aria-labelledby="discussion">
        <h2 id="discussion">Discussion</h2>
        <cv-discussion-thread subjectType="PROJECT" subjectId="p1" />
      </section>
      <section aria-labelledby="history">
        <h2 id="history">Historique</h2>
        <cv-audit-history subjectType="PROJECT" subjectId="p1" />
      </section>
    </main>
  `,
})
class SubjectPage {}

const person = (id: string, displayName: string) => ({ __typename: 'Person', id, displayName });
const comment = (id: string, overrides: Record<string, unknown> = {}) => ({
  __typename: 'Comment',
  id,
  body: 'Où en est le relogement des ménages ?',
  createdAt: '2026-03-10T10:00:00.000Z',
  editedAt: '2026-03-10T11:00:00.000Z',
  deleted: false,
  parentId: null,
  isQuestion: true,
  questionDueAt: '2026-03-17T10:00:00.000Z',
  answeredAt: null,
  version: 1,
  canEdit: true,
  author: person('u-elu', 'Fatima Zahra Alaoui'),
  mentions: [person('u-sao', 'Youssef Bennani')],
  replies: [],
  ...overrides,
});

/**
 * axe-core on the rendered components (jsdom has no layout: contrast is left to the Chromium
 * journeys). Serious and critical violations fail, as in the e2e journeys.
 */
describe('discussion, follow and history, accessibility', () => {
  jest.setTimeout(30_000);
  let fixture: ComponentFixture<SubjectPage>;

  beforeEach(() => {
    const api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'FollowState':
          return { data: { followState: { __typename: 'FollowState', following: true, explicit: false } } };
        case 'MentionCandidates':
          return { data: { mentionCandidates: [person('u-sao', 'Youssef Bennani')] } };
        case 'AuditTrail':
          return {
            data: {
              auditTrail: {
                __typename: 'AuditEventConnection',
                totalCount: 1,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
                edges: [
                  {
                    __typename: 'AuditEventEdge',
                    cursor: 'e1',
                    node: {
                      __typename: 'AuditEvent',
                      id: 'e1',
                      at: '2026-03-14T09:30:00.000Z',
                      action: 'UPDATE',
                      operation: 'reportProjectProgress',
                      changes: { status: ['STUDIES', 'WORKS'], physicalProgress: [35, 40] },
                      actor: person('u-sao', 'Youssef Bennani'),
                    },
                  },
                ],
              },
            },
          };
        default:
          return {
            data: {
              comments: {
                __typename: 'CommentConnection',
                totalCount: 2,
                pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c2' },
                edges: [
                  {
                    __typename: 'CommentEdge',
                    cursor: 'c1',
                    node: comment('c1', {
                      replies: [comment('r1', { isQuestion: false, parentId: 'c1', canEdit: false })],
                    }),
                  },
                  {
                    __typename: 'CommentEdge',
                    cursor: 'c2',
                    node: comment('c2', { deleted: true, body: '' }),
                  },
                ],
              },
            },
          };
      }
    });
    TestBed.configureTestingModule({ providers: [provideDiscussionTranslations(), provideFakeApi(api)] });
  });

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, MENTION_SEARCH_DELAY + 20));
    await fixture.whenStable();
  }

  async function seriousViolations(root: HTMLElement): Promise<string[]> {
    const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  }

  it('has no serious violation with threads, a reply form, the suggestions, a deletion to confirm and the history open', async () => {
    fixture = TestBed.createComponent(SubjectPage);
    await settle();
    const page: HTMLElement = fixture.nativeElement;
    const buttons = () => Array.from(page.querySelectorAll('button'));

    buttons()
      .find((button) => button.id.startsWith('cv-reply-'))
      ?.click();
    buttons()
      .find((button) => button.textContent?.trim() === 'Supprimer')
      ?.click();
    buttons()
      .find((button) => button.getAttribute('aria-controls')?.startsWith('cv-audit-history'))
      ?.click();
    await settle();
    const textarea = Array.from(page.querySelectorAll('textarea')).at(-1) as HTMLTextAreaElement;
    textarea.focus();
    textarea.value = 'Merci @You';
    textarea.setSelectionRange(10, 10);
    textarea.dispatchEvent(new Event('input'));
    await settle();

    expect(page.querySelector('[role="listbox"]')).not.toBeNull();
    expect(page.querySelectorAll('form')).toHaveLength(2);
    expect(page.querySelector('.cv-audit-event')).not.toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
