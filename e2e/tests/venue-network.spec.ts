import { expect, test } from '@playwright/test';
import { VENUE_HOST } from '../origins';

// A phone on the venue's Wi-Fi opens Helix at the machine's address over plain HTTP, as the baseURL does.
// Were the Content-Security-Policy to say upgrade-insecure-requests, the browser would fetch every script
// and stylesheet over https, which nothing answers, and the page would stay blank.
test('renders at a venue address over plain HTTP, fetching nothing over https', async ({ page, baseURL }) => {
  expect(new URL(baseURL ?? '')).toMatchObject({ protocol: 'http:', hostname: VENUE_HOST });
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  expect(requested.filter((url) => url.includes('/assets/')).length).toBeGreaterThan(0);
  expect(requested.filter((url) => !url.startsWith(`http://${VENUE_HOST}:`))).toEqual([]);
});
