import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@convergence/shared/domain';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { AuditHistory, DiscussionThread, FollowButton } from '@convergence/web/discussion';
import { commitmentsRoutes } from '../commitments.routes';
import {
  commitmentDetail,
  fulfilment,
  LYDEC_ORG,
  MINISTRY_ORG,
  permissionsFor,
  REGION_ORG,
  must,
} from '../testing/fixtures';
import { CommitmentPage } from './commitment.page';

// The discussion library's components are tested there; here, only that the page places them.
@Component({ selector: 'cv-discussion-thread', template: 'thread {{ subjectType() }} {{ subjectId() }}' })
class ThreadStub {
  readonly subjectType = input.required<string>();
  readonly subjectId = input.required<string>();
}
@Component({ selector: 'cv-follow-button', template: 'follow {{ subjectType() }} {{ subjectId() }}' })
class FollowStub {
  readonly subjectType = input.required<string>();
  readonly subjectId = input.required<string>();
}
@Component({ selector: 'cv-audit-history', template: 'audit {{ subjectType() }} {{ subjectId() }}' })
class AuditStub {
  readonly subjectType = input.required<string>();
  readonly subjectId = input.required<string>();
}

type Handler = (request: FakeRequest) => FakeResponse;

describe('CommitmentPage', () => {
  let api: FakeApi;
  let handlers: Record<string, Handler>;

  beforeEach(() => {
    localStorage.clear();
    handlers = { Commitment: () => ({ data: { commitment: commitmentDetail() } }) };
    api = new FakeApi((request) => handlers[request.operationName](request));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'commitments', children: commitmentsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    TestBed.overrideComponent(CommitmentPage, {
      remove: { imports: [DiscussionThread, FollowButton, AuditHistory] },
      add: { imports: [ThreadStub, FollowStub, AuditStub] },
    });
  });

  function signIn(role: Role, organizationId: string) {
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({
        role,
        permissions: permissionsFor(role, organizationId, role === 'ELECTED_OFFICIAL' ? '06' : null),
      }),
    );
  }

  async function open(id = 'c-1') {
    const harness = await RouterTestingHarness.create(`/commitments/${id}`);
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve));
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const page = () => harness.routeNativeElement as HTMLElement;
    const headings = () => Array.from(page().querySelectorAll('h2')).map((h) => h.textContent?.trim());
    return { harness, page, settle, headings, text: () => page().textContent ?? '' };
  }

  it('shows every term, the due date slips with their reasons and the links to project and forum', async () => {
    signIn('ELECTED_OFFICIAL', REGION_ORG);
    const { page, text, headings } = await open();

    expect(api.received('Commitment')[0].variables).toEqual({ id: 'c-1' });
    expect(page().querySelectorAll('h1')).toHaveLength(1);
    expect(page().querySelector('h1')?.textContent).toContain('Raccordement au réseau');
    expect(text()).toContain('Lydec');
    expect(text()).toContain('commitmentKind.WORKS');
    expect(text()).toContain('commitmentStatus.IN_PROGRESS');
    expect(text()).toContain('CONV-2018-06-01');
    expect(text()).toContain('commitments.terms.originalDueDate');
    expect(page().querySelector('a[href="/projects/p-1"]')?.textContent).toContain('SAO-LKH-01');
    expect(page().querySelector('a[href="/forums/forum-1"]')?.textContent).toContain(
      'Forum de la Convergence',
    );
    const slip = must(page().querySelector('table tbody tr'));
    expect(slip.textContent).toContain('reasonCode.FUNDING_DELAY');
    expect(slip.textContent).toContain('Budget 2026 voté en retard');
    expect(slip.textContent).toContain('Samira Idrissi');
    expect(headings()).toEqual([
      'commitments.detail.terms',
      'commitments.detail.slipsTitle',
      'commitments.detail.historyTitle',
    ]);
    // Neither the committing organisation nor the ministry: no action offered.
    expect(page().querySelector('form')).toBeNull();
    expect(text()).toContain('follow COMMITMENT c-1');
    expect(text()).toContain('thread COMMITMENT c-1');
    expect(text()).toContain('audit COMMITMENT c-1');
  });

  it('says a late commitment is late, in words', async () => {
    handlers['Commitment'] = () => ({
      data: { commitment: commitmentDetail({ late: true, dueDate: '2020-01-01' }) },
    });
    signIn('ELECTED_OFFICIAL', REGION_ORG);
    const { page } = await open();

    expect(page().querySelector('header cv-commitment-status')?.textContent).toContain(
      'commitments.late.days',
    );
  });

  it('offers the committing organisation the declare form', async () => {
    signIn('PARTNER_CONTRIBUTOR', LYDEC_ORG);
    const { page, headings } = await open();

    expect(headings()).toContain('commitments.detail.declareTitle');
    expect(page().querySelector('cv-declare-fulfilment-form')).not.toBeNull();
    expect(page().querySelector('cv-verify-fulfilment-form')).toBeNull();
  });

  it('offers the ministry the verification of a pending declaration, and shows the history', async () => {
    handlers['Commitment'] = () => ({
      data: {
        commitment: commitmentDetail({
          status: 'DECLARED',
          fulfilments: [
            fulfilment({
              id: 'f-0',
              accepted: false,
              verificationNote: 'Pièce manquante',
              verifiedAt: '2026-04-10T09:00:00Z',
            }),
            fulfilment({ id: 'f-1' }),
          ],
        }),
      },
    });
    handlers['VerifyCommitmentFulfilment'] = () => ({
      data: { verifyCommitmentFulfilment: commitmentDetail({ status: 'FULFILLED', version: 4 }) },
    });
    signIn('MINISTRY_OFFICIAL', MINISTRY_ORG);
    const { page, headings, settle, text } = await open();

    expect(headings()).toContain('commitments.detail.verifyTitle');
    expect(page().querySelector('cv-declare-fulfilment-form')).toBeNull();
    expect(page().querySelectorAll('ol cv-fulfilment-record')).toHaveLength(2);
    expect(text()).toContain('Pièce manquante');

    must(
      Array.from(page().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
        b.textContent?.includes('commitments.verify.accept'),
      ),
    ).click();
    await settle();

    expect(api.received('VerifyCommitmentFulfilment')[0].variables).toEqual({
      input: { commitmentId: 'c-1', version: 3, accepted: true, note: null },
    });
    expect(page().querySelector('[role="status"]')?.textContent).toContain('commitments.detail.accepted');
    expect(api.received('Commitment')).toHaveLength(2);
  });

  it('says "not found or not yours to see" for a commitment the api does not return', async () => {
    handlers['Commitment'] = () => ({ data: { commitment: null } });
    signIn('ELECTED_OFFICIAL', REGION_ORG);
    const { page, text } = await open('c-404');

    expect(page().querySelector('h1')?.textContent).toContain('commitments.detail.notFoundTitle');
    expect(text()).toContain('commitments.detail.notFoundHint');
    expect(page().querySelector('cv-empty-state a')?.getAttribute('href')).toBe('/commitments');
  });

  it('treats a NOT_FOUND error the same way', async () => {
    handlers['Commitment'] = () => ({
      data: null,
      errors: [{ message: 'Introuvable.', extensions: { code: 'NOT_FOUND' } }],
    });
    signIn('ELECTED_OFFICIAL', REGION_ORG);
    const { page } = await open('c-404');

    expect(page().querySelector('h1')?.textContent).toContain('commitments.detail.notFoundTitle');
    expect(page().querySelector('cv-error-panel')).toBeNull();
  });
});
