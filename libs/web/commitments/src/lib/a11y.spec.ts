import { Component, input, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@convergence/shared/domain';
import { CsvExport, SessionStore } from '@convergence/web/core';
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
import axe from 'axe-core';
import { CommitmentPage } from './commitment-page/commitment.page';
import { commitmentsRoutes } from './commitments.routes';
import {
  commitmentDetail,
  commitmentRow,
  connection,
  FILTER_OPTIONS,
  fulfilment,
  LYDEC_ORG,
  MINISTRY_ORG,
  permissionsFor,
  REGIONS,
} from './testing/fixtures';

// A first accessibility check of every view in jsdom (no layout: contrast and sizes are left to the
// Chromium journeys): names, roles, headings, tables and landmarks.

function Placeholder(selector: string): Type<unknown> {
  @Component({ selector, template: '' })
  class Stub {
    readonly subjectType = input.required<string>();
    readonly subjectId = input.required<string>();
  }
  return Stub;
}

const ANSWERS: Record<string, (request: FakeRequest) => FakeResponse> = {
  Commitments: () => ({
    data: {
      commitments: connection(
        [
          commitmentRow({ late: true, dueDate: '2020-01-01' }),
          commitmentRow({ id: 'c-2', status: 'DECLARED' }),
        ],
        { hasNextPage: true },
      ),
    },
  }),
  CommitmentFilterOptions: () => ({ data: FILTER_OPTIONS }),
  Territories: () => ({ data: { territories: REGIONS } }),
  VerificationQueue: () => ({
    data: {
      commitments: connection([{ ...commitmentRow({ status: 'DECLARED' }), fulfilments: [fulfilment()] }]),
    },
  }),
  PartnerScorecard: () => ({
    data: {
      partnerScorecard: [
        {
          __typename: 'PartnerScore',
          organization: { __typename: 'Organization', id: LYDEC_ORG, name: 'Lydec', acronym: null },
          commitmentCount: 3,
          fulfilledCount: 1,
          lateCount: 1,
          onTimeRate: 0.5,
          averageDelayDays: 3,
          committedAmount: '100.00',
          fulfilledAmount: '50.00',
          lastUpdateAt: '2026-01-01T00:00:00Z',
        },
      ],
    },
  }),
  Commitment: () => ({
    data: { commitment: commitmentDetail({ fulfilments: [fulfilment({ accepted: false })] }) },
  }),
};

describe('accessibility of the commitments pages', () => {
  jest.setTimeout(30_000);
  // jsdom has no canvas (axe measures icon ligatures with one): answer "none" instead of logging.
  beforeAll(() => jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));

  function setUp(role: Role, organizationId: string) {
    const api = new FakeApi(
      (request) =>
        ANSWERS[request.operationName]?.(request) ?? {
          data: null,
          errors: [{ message: 'Not in this test.', extensions: { code: 'NOT_FOUND' } }],
        },
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'commitments', children: commitmentsRoutes }], withComponentInputBinding()),
        provideTranslocoTesting(),
        provideFakeApi(api),
        { provide: CsvExport, useValue: { download: jest.fn() } },
      ],
    });
    // The discussion library checks its own components.
    TestBed.overrideComponent(CommitmentPage, {
      remove: { imports: [DiscussionThread, FollowButton, AuditHistory] },
      add: {
        imports: [
          Placeholder('cv-discussion-thread'),
          Placeholder('cv-follow-button'),
          Placeholder('cv-audit-history'),
        ],
      },
    });
    TestBed.inject(SessionStore).begin(
      fakeTokens('A1', 'R1'),
      fakeUser({
        role,
        permissions: permissionsFor(role, organizationId),
        organization: {
          __typename: 'Organization',
          id: organizationId,
          name: 'Org',
          acronym: null,
          kind: 'MINISTRY',
          territory: null,
        } as never,
      }),
    );
  }

  async function violations(url: string, prepare?: (root: HTMLElement) => void) {
    const harness = await RouterTestingHarness.create(url);
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve));
        await harness.fixture.whenStable();
      }
    };
    await settle();
    const root = harness.routeNativeElement as HTMLElement;
    if (prepare) {
      prepare(root);
      await settle();
    }
    const result = await axe.run(root, {
      rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
    });
    return result.violations.map(
      (violation) => `${violation.impact} ${violation.id}: ${violation.nodes[0]?.html}`,
    );
  }

  it.each([
    '/commitments?late=true',
    '/commitments?view=verification',
    '/commitments?view=scorecard',
    '/commitments/c-1',
  ])('finds nothing wrong on %s for the ministry', async (url) => {
    setUp('MINISTRY_OFFICIAL', MINISTRY_ORG);
    expect(await violations(url)).toEqual([]);
  });

  it("finds nothing wrong on a partner's commitments with the declare form open", async () => {
    setUp('PARTNER_CONTRIBUTOR', LYDEC_ORG);
    const found = await violations('/commitments?view=mine', (root) =>
      root.querySelector<HTMLButtonElement>('button[aria-expanded]')?.click(),
    );
    expect(found).toEqual([]);
  });

  it('finds nothing wrong on a commitment with the declare form', async () => {
    setUp('PARTNER_CONTRIBUTOR', LYDEC_ORG);
    expect(await violations('/commitments/c-1')).toEqual([]);
  });
});
