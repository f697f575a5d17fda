import { test } from '@playwright/test';
import { electedOfficialAsksAQuestion } from './support/discussion';

test('the elected official asks a formal question on Lakhyayta mentioning the SAO manager, and cannot open a Marrakech-Safi project', async ({
  page,
  baseURL,
}) => {
  await electedOfficialAsksAQuestion(page, baseURL ?? '', 'fr');
});
