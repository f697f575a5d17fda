import { TestBed } from '@angular/core/testing';
import { provideTranslocoTesting } from '@convergence/web/core/testing';
import type { CommitmentFulfilmentItemFragment } from '../data-access/generated';
import { fulfilment } from '../testing/fixtures';
import { FulfilmentRecord } from './fulfilment-record';

describe('FulfilmentRecord', () => {
  function render(item: CommitmentFulfilmentItemFragment): HTMLElement {
    TestBed.configureTestingModule({
      providers: [provideTranslocoTesting({ fr: { commitments: { fulfilment: { separator: ', ' } } } })],
    });
    const fixture = TestBed.createComponent(FulfilmentRecord);
    fixture.componentRef.setInput('fulfilment', item);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('writes "who, when" with no space before the comma, each part isolated for right-to-left text', () => {
    const element = render(
      fulfilment({
        accepted: true,
        verifiedAt: '2026-11-29T15:00:00Z',
        verifiedBy: { id: 'u-min', displayName: 'Karim El Idrissi' },
      }),
    );

    expect(text('.cv-declarant')).toMatch(/^\u2068Karim Alaoui\u2069, \u2068\d/);
    expect(text('.cv-verifier')).toMatch(/^\u2068Karim El Idrissi\u2069, \u2068\d.*\u2069$/);

    function text(selector: string): string | undefined {
      return element.querySelector(selector)?.textContent?.trim();
    }
  });

  it('leaves the comma out when the verifier is not known', () => {
    const element = render(fulfilment({ accepted: false, verifiedAt: '2026-11-29T15:00:00Z' }));

    const verifier = element.querySelector('.cv-verifier')?.textContent?.trim() ?? '';
    expect(verifier).toMatch(/^\u2068\d.*\u2069$/);
    expect(verifier.split('\u2068')).toHaveLength(2);
  });
});
