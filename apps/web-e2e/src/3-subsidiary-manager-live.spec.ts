import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiAs, fr, projectId, signIn, text } from './support/journey';

const BELL = /^Notifications, (\d+) non lues?$/;

test('the SAO manager sees a question arrive live in the bell, answers it, reports progress, and sees the project and dashboard change', async ({
  page,
  baseURL,
}) => {
  const url = baseURL ?? '';
  const lakhyayta = await projectId(url, 'Lakhyayta', '06');
  await signIn(page, ACCOUNTS.sao, '/dashboard');
  // A fresh page in the chosen language, whose live socket is open (acknowledged) before anything happens.
  const socketOpen = page.waitForEvent('websocket').then((socket) =>
    socket.waitForEvent('framereceived', {
      predicate: (frame) => String(frame.payload).includes('connection_ack'),
    }),
  );
  await page.reload();
  await socketOpen;

  const realised = page.getByText(text(fr, 'dashboard.kpi.realised')).locator('..');
  await expect(realised).toContainText(/\d/);
  const realisedBefore = await realised.innerText();
  const bell = page.getByRole('link', { name: BELL });
  await expect(bell).toBeVisible();
  // The count is in the bell's accessible name ("Notifications, 5 non lues").
  const unreadBefore = Number(/Notifications, (\d+)/.exec(await bell.ariaSnapshot())?.[1]);
  expect(unreadBefore).toBeGreaterThanOrEqual(0);

  // Meanwhile, in another office, the elected official asks a formal question naming the manager.
  const sao = await apiAs<{ mentionCandidates: { id: string }[] }>(
    url,
    ACCOUNTS.elected,
    'query ($id: ID!) { mentionCandidates(subjectType: PROJECT, subjectId: $id, search: "Youssef") { id } }',
    { id: lakhyayta },
  );
  const question = 'Pouvez-vous confirmer la date de livraison de la tranche 3 ?';
  await apiAs(
    url,
    ACCOUNTS.elected,
    'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
    {
      input: {
        subjectType: 'PROJECT',
        subjectId: lakhyayta,
        body: `${question} @Youssef Bennani`,
        isQuestion: true,
        mentions: [sao.mentionCandidates[0].id],
      },
    },
  );

  // The bell counts it without a reload and announces it. (On the demo data the question and the
  // mention do not always both become notifications: see the issue 5 closing note.)
  const unread = async () => Number(/Notifications, (\d+)/.exec(await bell.ariaSnapshot())?.[1]);
  await expect.poll(unread, { timeout: 20_000 }).toBeGreaterThan(unreadBefore);
  await expect(page.getByRole('status').filter({ hasText: 'Nouvelle notification' }).first()).toContainText(
    'Lakhyayta',
  );

  // From the notification centre to the project, and the answer.
  await bell.click();
  await expect(page).toHaveURL(/\/notifications/);
  // The newest notification is the question or the mention, both about Lakhyayta.
  await page
    .getByRole('main')
    .getByRole('list')
    .getByRole('link', { name: /Lakhyayta/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/projects/${lakhyayta}`));
  // A thread is a list item: the question, its replies and the reply button.
  const thread = page.getByRole('listitem').filter({ hasText: question }).last();
  await thread.getByRole('button', { name: 'Répondre à Fatima Zahra Alaoui' }).click();
  await page
    .getByRole('textbox', { name: text(fr, 'discussion.composer.replyLabel') })
    .fill('La tranche 3 sera livrée au deuxième trimestre ; le calendrier détaillé suit.');
  await page.getByRole('button', { name: 'Publier la réponse' }).click();
  await expect(thread).toContainText(text(fr, 'discussion.comment.answered'));

  // Progress report: more physical progress and money spent.
  const progress = page.getByRole('progressbar').first();
  const before = Number(await progress.getAttribute('aria-valuenow'));
  await page.getByRole('button', { name: text(fr, 'projects.report.open') }).click();
  await page
    .getByLabel(text(fr, 'projects.report.physicalProgress'), { exact: true })
    .fill(String(Math.min(100, before + 5)));
  const spent = page.getByLabel(text(fr, 'projects.report.spentAmount'), { exact: true });
  const spentBefore = Number((await spent.inputValue()).replace(/[^\d.]/g, ''));
  await spent.fill(String(spentBefore + 25_000_000));
  const note = 'Voirie de la tranche 3 achevée ; réseaux en cours.';
  await page.getByLabel(text(fr, 'projects.report.note'), { exact: true }).fill(note);
  await page.getByRole('button', { name: text(fr, 'projects.report.submit') }).click();
  await expect(
    page.getByRole('status').filter({ hasText: text(fr, 'projects.report.success') }),
  ).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', String(Math.min(100, before + 5)));
  await expect(page.getByRole('region', { name: text(fr, 'projects.journal.heading') })).toContainText(note);
  await expect(page.locator('main')).toContainText(
    new RegExp(
      `${text(fr, 'health.ON_TRACK')}|${text(fr, 'health.AT_RISK')}|${text(fr, 'health.OFF_TRACK')}`,
    ),
  );

  // The dashboard counts the money spent.
  await page.getByRole('link', { name: text(fr, 'nav.dashboard') }).click();
  await expect(realised).toContainText(/\d/);
  await expect(realised).not.toHaveText(realisedBefore);
});
