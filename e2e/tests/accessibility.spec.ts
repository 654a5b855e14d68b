import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import {
  apiUrl,
  messageMenuButton,
  newParticipant,
  openMessageMenu,
  signUp,
  signUpModerator,
} from './support';

test('the main pages have no serious or critical WCAG 2.2 AA violations', async ({ page }) => {
  test.setTimeout(120_000);

  // A fresh context: nobody is signed in yet.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in page');

  await signUp(page, newParticipant());
  await expect(page.getByRole('link', { name: 'University in an urban ecosystem' })).toBeVisible();
  await expectNoSeriousViolations(page, 'rooms list');

  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  await expect(page.getByLabel('New thread title')).toBeVisible();
  await expectNoSeriousViolations(page, 'room page');

  const title = `Accessible thread ${Date.now()}`;
  await page.getByLabel('New thread title').fill(title);
  await page.getByRole('button', { name: 'Start thread' }).click();
  // Starting a thread opens it.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Message').fill('Every participant must be able to follow the discussion.');
  await page.getByRole('button', { name: 'Send' }).click();
  const message = page.getByTestId('message').filter({ hasText: 'able to follow the discussion' });
  await expect(message).toBeVisible();
  await expect(message).not.toHaveAttribute('data-state', 'pending');
  await expectNoSeriousViolations(page, 'thread page');

  // A draft initiative from the message, so the board has a card to check.
  const actions = await openMessageMenu(message);
  await expectNoSeriousViolations(page, 'message menu');
  await actions.getByRole('menuitem', { name: 'Propose as initiative' }).click();
  await expect(page.getByRole('heading', { name: 'Propose an initiative' })).toBeVisible();
  const partner = page.getByRole('group', { name: 'Partner 2', exact: true });
  await partner.getByLabel('Organization').fill('City Accessibility Council');
  await partner.getByLabel('Stakeholder group').selectOption('civil_society');
  await page.getByRole('button', { name: 'Create the draft' }).click();
  await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'draft');
  await expectNoSeriousViolations(page, 'initiative page');

  await page.goto('/initiatives');
  await expect(page.getByRole('heading', { level: 1, name: 'Joint initiatives' })).toBeVisible();
  await expect(page.getByTestId('initiative-card').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'initiatives board');

  await page.goto('/outcome');
  await expect(page.getByRole('heading', { level: 1, name: 'Forum outcome' })).toBeVisible();
  await expectNoSeriousViolations(page, 'outcome page');
});

test('the room Q&A and the room presenter screen have no serious or critical violations', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signUpModerator(page);
  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  const roomId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const tokens = await page.evaluate(
    () => JSON.parse(localStorage.getItem('helix.tokens') ?? 'null') as { accessToken: string },
  );
  const settings = async (body: object): Promise<void> => {
    const response = await page.request.patch(apiUrl(`/rooms/${roomId}/settings`), {
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
      data: body,
    });
    expect(response.ok(), `PATCH settings → ${response.status()}`).toBe(true);
  };

  // The Q&A as a moderator sees it: the ask form, a published question, and the review queue.
  await settings({ qaReview: false, projector: { kind: 'nothing', targetId: null } });
  const qa = page.getByTestId('room-qa');
  await qa
    .getByRole('textbox', { name: 'Your question' })
    .fill(`Is the Q&A usable by everyone? ${Date.now()}`);
  await qa.getByRole('switch', { name: 'Ask anonymously' }).check();
  await qa.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(qa.getByRole('status')).toHaveText('Your question is posted.');
  await settings({ qaReview: true });
  await expect(qa.getByTestId('question-review')).toBeVisible();
  await qa.getByRole('button', { name: 'Dismiss', exact: true }).first().click();
  await expect(qa.getByLabel('Reason (optional)')).toBeFocused();
  await expectNoSeriousViolations(page, 'room page with its Q&A');

  // The presenter screen with nothing on it (the room, its key questions, the QR code), then the Q&A.
  const presenter = await context.newPage();
  await presenter.setViewportSize({ width: 1920, height: 1080 });
  await presenter.goto(`/present/rooms/${roomId}`);
  await expect(presenter.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(presenter.getByTestId('room-present-idle')).toBeVisible();
  await expectNoSeriousViolations(presenter, 'room presenter screen');
  await settings({ projector: { kind: 'qa', targetId: null } });
  await expect(presenter.getByTestId('present-question').first()).toBeVisible();
  await expectNoSeriousViolations(presenter, 'room presenter screen showing the Q&A');
  await settings({ qaReview: false, projector: { kind: 'nothing', targetId: null } });
});

test('the moderator console and the hide-message dialog have no serious or critical violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUpModerator(page);
  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();

  // A thread with a message, so the console lists a thread and the dialog has a message to hide.
  const title = `Accessible moderation ${Date.now()}`;
  await page.getByLabel('New thread title').fill(title);
  await page.getByRole('button', { name: 'Start thread' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page
    .getByLabel('Message')
    .fill('Moderators must be able to work from a keyboard and a screen reader.');
  await page.getByRole('button', { name: 'Send' }).click();
  const message = page.getByTestId('message').filter({ hasText: 'work from a keyboard' });
  await expect(message).toHaveAttribute('data-state', 'sent');

  // The dialog open: focus is in it, and Escape gives it back to the button that opened it.
  const hide = messageMenuButton(message);
  await (await openMessageMenu(message)).getByRole('menuitem', { name: 'Hide…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hide this message?' });
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await expectNoSeriousViolations(page, 'hide-message dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(hide).toBeFocused();

  await page.getByRole('link', { name: 'University in an urban ecosystem' }).click();
  await page.getByRole('link', { name: 'Moderate' }).click();
  await expect(page.getByTestId('console-thread').filter({ hasText: title })).toBeVisible();
  await expect(page.getByTestId('moderation-log')).toBeVisible();
  await expectNoSeriousViolations(page, 'moderator console');

  // The forum's minimum rule, as a moderator sees it on the board: a labelled form that Enter submits.
  await page.goto('/initiatives');
  const minimum = page.getByTestId('forum-minimum-section');
  await expect(minimum.getByRole('group', { name: 'Minimum rule (moderators)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'initiatives board, as a moderator');
  await minimum.getByLabel('Votes needed').focus();
  await page.keyboard.press('Enter');
  await expect(minimum.getByRole('status')).toHaveText('Saved.');
});
