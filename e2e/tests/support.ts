import { expect, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';

export interface Participant {
  email: string;
  password: string;
  displayName: string;
  organization: string;
  group: 'university' | 'business' | 'government' | 'civil_society';
}

export function newParticipant(overrides: Partial<Participant> = {}): Participant {
  const id = randomBytes(4).toString('hex');
  return {
    email: `p-${id}@forum.test`,
    password: 'forum password 2026',
    displayName: `Participant ${id}`,
    organization: 'Tomsk State University',
    group: 'university',
    ...overrides,
  };
}

/** Signs up through the web client, as a participant does on the first visit. */
export async function signUp(page: Page, who: Participant): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('link', { name: /create (an )?account/i })
    .first()
    .click();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByLabel('Display name').fill(who.displayName);
  await page.getByLabel('Organization').fill(who.organization);
  await page.getByLabel('Stakeholder group').selectOption(who.group);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /tracks/i })).toBeVisible();
}
