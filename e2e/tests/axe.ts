import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it stands and fails on every serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, pageName: string): Promise<void> {
  // Data still loading would be checked half-drawn: wait for every spinner to go.
  await expect(page.locator('.hx-spinner')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  expect(serious, `serious or critical axe violations on the ${pageName}:\n${serious.join('\n')}`).toEqual(
    [],
  );
}
