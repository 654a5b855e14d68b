import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  accessToken,
  api,
  chooseLanguage,
  newParticipant,
  openMessageMenu,
  registerViaApi,
  signUp,
  signUpModerator,
} from './support';

/*
 * Issue 8: every screen is usable at 360 px wide with one thumb. The phone project is 360 px wide; this
 * spec visits every main page there, in English and in Russian (whose labels are longer), and checks:
 * - nothing sticks out sideways: the document is no wider than the screen, no element's box passes its
 *   edges, and no box scrolls sideways, except the ones meant to (a wide table in its TableScroll);
 * - nothing is squeezed: no box's content runs out of it over the next one, no scrolling box (a thread's
 *   history) is left a sliver, and no ordinary word is broken across two lines because its column is
 *   too narrow (`overflow-wrap: anywhere` keeps long links inside the screen, but hides such columns);
 * - targets are big enough to tap.
 *
 * Target size: WCAG 2.2 success criterion 2.5.8 Target Size (Minimum), level AA, asks for 24 × 24 CSS px,
 * or a smaller target with room around it (a 24 px circle on its centre touches no other target). That
 * is what the forum's accessibility requirement (WCAG 2.2 AA) binds us to, so it is what the test
 * asserts; 44 px (2.5.5, level AAA) is the size the stylesheet aims for (`--hx-target`), not the floor a
 * test can fail on. Inline links in running text are exempt, as the criterion exempts them.
 *
 * Each screen is photographed whole into artifacts/screenshots/layout/ for a person to look at.
 */

/** Containers meant to scroll sideways: a wide table scrolls inside its own box on a phone. */
const HORIZONTAL_SCROLLERS = ['.hx-table-scroll'];

/** Controls a thumb has to hit: buttons, form fields, navigation links and links drawn as buttons. */
const TARGETS = [
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  'nav a[href]',
  'a.hx-button',
  'a.hx-card__title',
  '[role="button"]',
  '[role="switch"]',
  '[role="tab"]',
].join(', ');

/** A box that scrolls shows at least this much of its content: a few messages, not a sliver. */
const MIN_SCROLLER_HEIGHT = 200;
/** A tight line height lets descenders stick out a pixel or two; that draws over nothing. */
const SPILL_TOLERANCE = 8;
/** Longer runs of letters (ids, codes) may break anywhere; shorter ones are words and must not. */
const MAX_UNBREAKABLE_WORD = 18;

interface LayoutReport {
  documentWidth: number;
  overflowing: string[];
  scrollingSideways: string[];
  spilling: string[];
  squashedScrollers: string[];
  brokenWords: string[];
  smallTargets: string[];
}

/** Measures the page as it stands (see the file's comment for what counts as a problem). */
async function measure(page: Page, width: number): Promise<LayoutReport> {
  return page.evaluate(
    ({ width, scrollers, targets, MIN_SCROLLER_HEIGHT, MAX_UNBREAKABLE_WORD, SPILL_TOLERANCE }) => {
      const describe = (element: Element): string => {
        const classes = [...element.classList].map((name) => `.${name}`).join('');
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        const label = element.getAttribute('aria-label') ?? '';
        const { left, right, width: w, height: h } = element.getBoundingClientRect();
        return `<${element.tagName.toLowerCase()}${classes}> "${label || text}" [${Math.round(left)}..${Math.round(right)}, ${Math.round(w)}×${Math.round(h)}]`;
      };
      const rendered = (element: Element): boolean => {
        const box = element.getBoundingClientRect();
        return (
          box.width > 0 &&
          box.height > 0 &&
          element.checkVisibility({ visibilityProperty: true }) &&
          !element.closest('.hx-visually-hidden')
        );
      };
      const intentionalScroller = (element: Element): boolean =>
        scrollers.some((selector) => element.matches(selector));
      /** True when an ancestor clips the element's sideways overflow (or scrolls it, on purpose). */
      const contained = (element: Element): boolean => {
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          if (parent === document.body || parent === document.documentElement) return false;
          const overflowX = getComputedStyle(parent).overflowX;
          if (overflowX === 'hidden' || overflowX === 'clip') return true;
          if (intentionalScroller(parent)) return true;
        }
        return false;
      };

      const overflowing: string[] = [];
      const scrollingSideways: string[] = [];
      const spilling: string[] = [];
      const squashedScrollers: string[] = [];
      for (const element of document.body.querySelectorAll('*')) {
        if (!rendered(element)) continue;
        const style = getComputedStyle(element);
        if (
          (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
          !intentionalScroller(element) &&
          element.scrollWidth > element.clientWidth + 1
        ) {
          scrollingSideways.push(
            `${describe(element)} scrolls ${element.scrollWidth} in ${element.clientWidth}`,
          );
        }
        // A box of fixed height whose content runs out of it draws over whatever comes next.
        if (
          style.overflowY === 'visible' &&
          style.display !== 'inline' &&
          element.scrollHeight > element.clientHeight + SPILL_TOLERANCE &&
          element.clientHeight > 0
        ) {
          spilling.push(`${describe(element)} holds ${element.scrollHeight} px in ${element.clientHeight}`);
        }
        // A history squeezed to a sliver scrolls, but nobody can read it.
        if (
          (style.overflowY === 'auto' || style.overflowY === 'scroll') &&
          element.scrollHeight > element.clientHeight + 1 &&
          element.clientHeight < MIN_SCROLLER_HEIGHT
        ) {
          squashedScrollers.push(
            `${describe(element)} shows ${element.clientHeight} px of ${element.scrollHeight}`,
          );
        }
        if (contained(element)) continue;
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 || box.left < -1) overflowing.push(describe(element));
      }

      // `overflow-wrap: anywhere` keeps long links inside the screen, but a column too narrow for its
      // words breaks ordinary words mid-way ("Воздер-живаюсь"): no word of letters may span two lines.
      const brokenWords: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !rendered(parent) || parent.closest('textarea, script, style')) continue;
        // Words between spaces and punctuation; links, codes and hyphenated words may break where they must.
        for (const match of (node.textContent ?? '').matchAll(
          /(?<=^|[\s«“"(])[\p{L}\p{N}]+(?=$|[\s.,:;!?»”")])/gu,
        )) {
          if (match[0].length < 2 || match[0].length > MAX_UNBREAKABLE_WORD) continue;
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (lines.size > 1) brokenWords.push(`"${match[0]}" in ${describe(parent)}`);
        }
      }

      // Each control's target is what a tap activates: a checkbox or radio button with its label.
      const boxes = new Map<Element, DOMRect>();
      for (const element of document.querySelectorAll(targets)) {
        if (!rendered(element)) continue;
        const target =
          element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
            ? (element.closest('label') ?? element)
            : element;
        boxes.set(target, target.getBoundingClientRect());
      }
      const MIN = 24;
      const small = (box: DOMRect) => box.width < MIN - 0.5 || box.height < MIN - 0.5;
      const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      const distanceToBox = (point: { x: number; y: number }, box: DOMRect) =>
        Math.hypot(
          Math.max(box.left - point.x, 0, point.x - box.right),
          Math.max(box.top - point.y, 0, point.y - box.bottom),
        );
      const smallTargets: string[] = [];
      for (const [element, box] of boxes) {
        if (!small(box)) continue;
        const mine = centre(box);
        const crowdedBy = [...boxes].find(([other, otherBox]) => {
          if (other === element || other.contains(element) || element.contains(other)) return false;
          if (distanceToBox(mine, otherBox) < MIN / 2) return true;
          const theirs = centre(otherBox);
          return small(otherBox) && Math.hypot(mine.x - theirs.x, mine.y - theirs.y) < MIN;
        });
        if (crowdedBy) smallTargets.push(`${describe(element)} is crowded by ${describe(crowdedBy[0])}`);
      }

      return {
        documentWidth: document.documentElement.scrollWidth,
        overflowing,
        scrollingSideways,
        spilling,
        squashedScrollers,
        brokenWords,
        smallTargets,
      };
    },
    {
      width,
      scrollers: HORIZONTAL_SCROLLERS,
      targets: TARGETS,
      MIN_SCROLLER_HEIGHT,
      MAX_UNBREAKABLE_WORD,
      SPILL_TOLERANCE,
    },
  );
}

const screenshots = join(__dirname, '..', 'artifacts', 'screenshots', 'layout');

/** Fails with every problem on the page at once, so one run shows all there is to fix; `shot` names the picture. */
async function expectFitsPhone(page: Page, screen: string, shot: string): Promise<void> {
  await expect(page.locator('.hx-spinner')).toHaveCount(0);
  const width = page.viewportSize()?.width ?? 0;
  expect(width, 'the phone project is 360 px wide').toBe(360);
  // A page wider than the screen makes a mobile browser zoom out, so innerWidth is checked as well.
  expect(await page.evaluate(() => window.innerWidth), `${screen}: the browser did not zoom out`).toBe(width);
  const report = await measure(page, width);
  expect
    .soft(report.documentWidth, `${screen}: the document is no wider than the screen`)
    .toBeLessThanOrEqual(width);
  expect.soft(report.overflowing, `${screen}: elements past the screen's edge`).toEqual([]);
  expect.soft(report.scrollingSideways, `${screen}: boxes that scroll sideways`).toEqual([]);
  expect.soft(report.spilling, `${screen}: content running out of its box`).toEqual([]);
  expect.soft(report.squashedScrollers, `${screen}: scrolling boxes squeezed too small`).toEqual([]);
  expect.soft(report.brokenWords, `${screen}: words broken across lines`).toEqual([]);
  expect.soft(report.smallTargets, `${screen}: targets under 24 × 24 px without room around`).toEqual([]);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({
    path: join(screenshots, `${shot}.png`),
    animations: 'disabled',
    fullPage: true,
  });
}

interface Scene {
  roomId: string;
  threadId: string;
  pollId: string;
  initiativeId: string;
}

type Call = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, data?: unknown) => Promise<T>;

/**
 * A word cloud, a ranking and a rating, answered by all four stakeholder groups: their results and the split
 * by group (a table with a column per group) are the widest things a room shows.
 */
async function openLiveFormats(page: Page, call: Call, roomId: string): Promise<void> {
  const groups = ['university', 'business', 'government', 'civil_society'] as const;
  const voters = await Promise.all(
    groups.map((group) => registerViaApi(page.request, newParticipant({ group }))),
  );
  const formats = [
    { body: { question: 'One word for what the region needs most?', kind: 'word_cloud' } },
    {
      body: {
        question: 'Put the clusters in the order the forum should take them up',
        kind: 'ranking',
        options: ['Campus laboratories', 'City data', 'Industrial park startups'],
      },
    },
    {
      body: {
        question: 'How ready is the region for each of these?',
        kind: 'rating',
        options: ['Shared laboratories', 'Open city data'],
      },
    },
  ];
  for (const { body } of formats) {
    const poll = await call<{ id: string; options: Array<{ id: string }> }>(
      'POST',
      `/rooms/${roomId}/polls`,
      body,
    );
    await call('POST', `/polls/${poll.id}/open`);
    const ids = poll.options.map((option) => option.id);
    for (const [index, voter] of voters.entries()) {
      const ballot =
        body.kind === 'word_cloud'
          ? { words: [['Talent', 'Housing', 'Laboratories', 'Roads'][index]] }
          : body.kind === 'ranking'
            ? { optionIds: [...ids.slice(index % ids.length), ...ids.slice(0, index % ids.length)] }
            : { ratings: Object.fromEntries(ids.map((id, place) => [id, ((index + place) % 5) + 1])) };
      await api(page.request, voter.accessToken, 'POST', `/polls/${poll.id}/votes`, ballot);
    }
  }
}

/** A room with a long discussion, an open poll and the live formats, questions and an initiative under vote, made over the API. */
async function buildScene(page: Page, token: string): Promise<Scene> {
  const call: Call = (method, path, data) => api(page.request, token, method, path, data);
  const rooms = await call<Array<{ id: string; kind: string }>>('GET', '/rooms');
  const tracks = rooms.filter((room) => room.kind === 'track');
  // The last track room: the other specs work in the first ones.
  const roomId = tracks[tracks.length - 1].id;
  const tag = randomBytes(3).toString('hex');

  const thread = await call<{ id: string }>('POST', `/rooms/${roomId}/threads`, {
    title: `Sharing university laboratories with regional small and medium enterprises (${tag})`,
  });
  const say = (text: string, replyTo?: string) =>
    call<{ id: string }>('POST', `/rooms/${roomId}/messages`, {
      threadId: thread.id,
      text,
      clientId: `layout-${tag}-${randomBytes(4).toString('hex')}`,
      replyTo,
    });
  const first = await say(
    'Laboratories stand empty in the evenings; the regional innovation fund could pay for technicians.',
  );
  await say(
    'A link without spaces must wrap too: https://example.org/forum/2026/tracks/university-and-city/laboratories?share=evening-slots',
    first.id,
  );
  await say('Ok');

  const poll = await call<{ id: string }>('POST', `/rooms/${roomId}/polls`, {
    question: 'Which cooperation format should the university and the city pilot first?',
    options: [
      'Joint laboratories with evening slots for small and medium enterprises',
      'A data platform',
      'Internships',
    ],
  });
  await call('POST', `/polls/${poll.id}/open`);
  await openLiveFormats(page, call, roomId);

  await call('PATCH', `/rooms/${roomId}/settings`, {
    qaReview: false,
    projector: { kind: 'nothing', targetId: null },
  });
  for (const text of [
    'Who pays for the laboratories once the regional grant ends, and for how many years is it planned?',
    'Can students join?',
  ]) {
    await call('POST', `/rooms/${roomId}/questions`, {
      text,
      anonymous: false,
      clientId: `layout-${tag}-${randomBytes(4).toString('hex')}`,
    });
  }

  const initiative = await call<{ id: string }>('POST', '/initiatives', {
    title: `Evening laboratories for small and medium enterprises of the region (${tag})`,
    summary:
      'The university opens three laboratories on weekday evenings; the region co-funds equipment and ' +
      'technicians; one evening a week is kept for school and student projects.',
    roomId,
    partners: [
      { organization: 'Regional Association of Small and Medium Enterprises', stakeholderGroup: 'business' },
      { organization: 'Tomsk Region Administration', stakeholderGroup: 'government' },
    ],
  });
  await call('POST', `/initiatives/${initiative.id}/voting/open`, {});
  await call('PUT', `/initiatives/${initiative.id}/vote`, {
    position: 'disagree',
    reason: 'One evening a week for students is too little.',
    wouldChange: 'The agreement should say two evenings a week.',
  });

  return { roomId, threadId: thread.id, pollId: poll.id, initiativeId: initiative.id };
}

test('every main page fits a 360 px screen in English and Russian, with targets big enough to tap', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Signed out first: the sign-in and sign-up forms, in both languages.
  for (const language of ['en', 'ru'] as const) {
    await page.goto('/sign-in');
    await chooseLanguage(page, language);
    await expect(page.locator('form')).toBeVisible();
    await expectFitsPhone(page, `sign-in (${language})`, `sign-in-${language}`);
    await page.goto('/sign-up');
    await expect(page.locator('form')).toBeVisible();
    await expectFitsPhone(page, `sign-up (${language})`, `sign-up-${language}`);
  }
  await chooseLanguage(page, 'en');

  // Long names, as real ones are: they share lines with buttons in the header, messages and questions.
  await signUpModerator(
    page,
    newParticipant({
      displayName: 'Konstantin Konstantinopolsky',
      organization: 'National Research Tomsk Polytechnic University',
    }),
  );
  const token = await accessToken(page);
  const scene = await buildScene(page, token);
  const settings = (projector: { kind: string; targetId: string | null }) =>
    api(page.request, token, 'PATCH', `/rooms/${scene.roomId}/settings`, { projector });

  for (const language of ['en', 'ru'] as const) {
    await page.goto('/rooms');
    await chooseLanguage(page, language);
    await expect(page.locator('.hx-card').first()).toBeVisible();
    // Chosen in the app, a language also renames the rooms, which the server words.
    await expect(
      page.getByRole('link', {
        name:
          language === 'ru'
            ? 'Университет и экономика города/региона'
            : 'University and the economy of the city/region',
      }),
    ).toBeVisible();
    await expectFitsPhone(page, `rooms list (${language})`, `rooms-${language}`);

    await page.goto(`/rooms/${scene.roomId}`);
    await expect(page.getByTestId('poll').first()).toBeVisible();
    await expect(page.getByTestId('room-qa')).toBeVisible();
    await expect(page.locator('.hx-section-nav')).toBeVisible();
    await page
      .locator('details:has(> summary)')
      .first()
      .evaluate((details) => {
        (details as HTMLDetailsElement).open = true;
      });
    await expectFitsPhone(page, `room with polls, Q&A and threads (${language})`, `room-${language}`);

    await page.goto(`/rooms/${scene.roomId}/threads/${scene.threadId}`);
    const messages = page.getByTestId('message');
    await expect(messages).toHaveCount(3);
    // A reply in the composer: the widest the thread gets.
    await (
      await openMessageMenu(messages.first())
    )
      .getByRole('menuitem', { name: /^(Reply|Ответить)$/ })
      .click();
    await expectFitsPhone(page, `thread with messages and the composer (${language})`, `thread-${language}`);

    await page.goto('/initiatives');
    await expect(page.getByTestId('initiative-card').first()).toBeVisible();
    await expectFitsPhone(page, `initiatives board (${language})`, `initiatives-${language}`);

    await page.goto(`/initiatives/${scene.initiativeId}`);
    await expect(page.getByTestId('initiative')).toHaveAttribute('data-status', 'voting');
    await expectFitsPhone(page, `initiative under vote (${language})`, `initiative-${language}`);

    await page.goto('/outcome');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsPhone(page, `outcome (${language})`, `outcome-${language}`);

    await page.goto(`/rooms/${scene.roomId}/moderate`);
    await expect(page.getByTestId('moderation-log')).toBeVisible();
    await expectFitsPhone(page, `moderator console (${language})`, `console-${language}`);

    // The presenter screen is the hall's projector, but a moderator opens it on a phone to check it.
    await page.goto(`/present/rooms/${scene.roomId}`);
    await expect(page.getByTestId('room-present-idle')).toBeVisible();
    await expectFitsPhone(page, `presenter, nothing shown (${language})`, `presenter-nothing-${language}`);
    for (const projector of [
      { kind: 'poll', targetId: scene.pollId },
      { kind: 'qa', targetId: null },
      { kind: 'initiative', targetId: scene.initiativeId },
    ]) {
      await settings(projector);
      await expect(page.getByTestId('room-presenter')).toHaveAttribute('data-kind', projector.kind);
      await expect(page.locator('.hx-present__main :is(h1, h2, li)').first()).toBeVisible();
      await expectFitsPhone(
        page,
        `presenter showing the ${projector.kind} (${language})`,
        `presenter-${projector.kind}-${language}`,
      );
    }
    await settings({ kind: 'nothing', targetId: null });
  }
});

test('the header is one row on a phone, with the language and the account behind its menu button', async ({
  page,
}) => {
  await signUp(page, newParticipant({ displayName: 'Konstantin Konstantinopolsky' }));
  for (const language of ['en', 'ru'] as const) {
    await chooseLanguage(page, language);
    const menu = page.getByRole('button', {
      name: language === 'en' ? 'Language and account' : 'Язык и учётная запись',
    });
    const signOut = page.getByRole('button', { name: language === 'en' ? 'Sign out' : 'Выйти' });
    // One row: the brand, the main links and the button share a line no taller than the button's.
    const header = page.locator('.hx-header');
    const row = await header.evaluate((element) => element.getBoundingClientRect().height);
    const button = await menu.evaluate((element) => element.getBoundingClientRect().height);
    expect(row, 'the header is a single row').toBeLessThan(button * 1.6);
    await expect(page.getByRole('navigation', { name: /Main|Основная/ }).getByRole('link')).toHaveCount(3);
    await expect(signOut).toBeHidden();

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(signOut).toBeVisible();
    await expect(page.getByLabel(language === 'en' ? 'Language' : 'Язык')).toBeVisible();
    await expectFitsPhone(page, `header menu (${language})`, `header-menu-${language}`);

    // Escape closes it from inside and gives the focus back to the button.
    await signOut.focus();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await expect(signOut).toBeHidden();
  }
});
