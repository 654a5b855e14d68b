import type { AuthResponse, Forum, LineError, RosterEntry, RosterImportResult } from '@helix/contract';
import { Workbook } from 'exceljs';
import { randomUUID } from 'node:crypto';
import { ADMIN_EMAIL, bearer, startTestApp, type TestApp, type TestUser } from './support/test-app';

/*
 * Issue 15: a forum's roster is imported from the registration list (CSV or XLSX), all of it or nothing,
 * and each person's badge carries a link that signs a device in until an organizer revokes it.
 */

const GROUPS = ['Бизнес', 'university', 'Civil society', 'Власть'];

/** A registration list of `count` people, header first, in the Russian headers a form export uses. */
function rosterCsv(count: number, tag: string, lineOf: (index: number) => string[] = () => []): string {
  const lines = ['ФИО;Эл. почта;Организация;Группа'];
  for (let index = 0; index < count; index += 1) {
    const fields = [`Person ${index}`, `p${index}-${tag}@roster.test`, `Org ${index % 7}`, GROUPS[index % 4]];
    const override = lineOf(index);
    lines.push((override.length ? override : fields).join(';'));
  }
  return lines.join('\n');
}

describe('roster import and badge links', () => {
  let t: TestApp;
  let admin: TestUser;
  let participant: TestUser;
  let forum: Forum;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PERSON_WRITES_PER_10S: '1000' } });
    admin = await t.register({ email: ADMIN_EMAIL, displayName: 'Admin' });
    participant = await t.register({ displayName: 'Pat' });
    [forum] = (await t.as(admin).get('/api/forums').expect(200)).body as Forum[];
  });

  afterAll(() => t?.close());

  const rosterPath = () => `/api/forums/${forum.id}/roster`;
  const roster = async (): Promise<RosterEntry[]> =>
    (await t.as(admin).get(rosterPath()).expect(200)).body as RosterEntry[];
  const signInWithBadge = (token: string, deviceId = randomUUID()) =>
    t.http().post('/api/badges/sign-in').send({ token, deviceId });

  it('reports exactly the 3 bad lines of 300 and stores nothing, then imports the fixed file quickly', async () => {
    const bad: Record<number, string[]> = {
      41: ['Person 41', 'not-an-email', 'Org', 'Бизнес'],
      150: ['', 'p150-a@roster.test', 'Org', 'university'],
      299: ['Person 299', 'p299-a@roster.test', 'Org', 'pirates'],
    };
    const file = rosterCsv(300, 'a', (index) => bad[index] ?? []);
    for (const dryRun of ['true', 'false']) {
      const refused = await t
        .as(admin)
        .post(`${rosterPath()}?dryRun=${dryRun}`, { format: 'csv', content: file })
        .expect(422);
      // The header is line 1, so person `i` is on line i + 2.
      expect((refused.body.lines as LineError[]).map(({ line, field }) => ({ line, field }))).toEqual([
        { line: 43, field: 'email' },
        { line: 152, field: 'name' },
        { line: 301, field: 'group' },
      ]);
    }
    expect(await roster()).toEqual([]);
    const people = await t.as(admin).get('/api/people?q=roster.test').expect(200);
    expect(people.body.total).toBe(0);

    const fixed = rosterCsv(300, 'a');
    const preview = await t
      .as(admin)
      .post(`${rosterPath()}?dryRun=true`, { format: 'csv', content: fixed })
      .expect(200);
    expect(preview.body).toEqual({ dryRun: true, total: 300, created: 300, updated: 0 });
    expect(await roster()).toEqual([]);

    const started = Date.now();
    const imported = await t.as(admin).post(rosterPath(), { format: 'csv', content: fixed }).expect(200);
    const elapsedMs = Date.now() - started;
    expect(imported.body as RosterImportResult).toEqual({
      dryRun: false,
      total: 300,
      created: 300,
      updated: 0,
    });
    expect(elapsedMs).toBeLessThan(10_000);
    const entries = await roster();
    expect(entries).toHaveLength(300);
    const ivan = entries.find((entry) => entry.email === 'p0-a@roster.test');
    expect(ivan).toMatchObject({ displayName: 'Person 0', stakeholderGroup: 'business', devices: 0 });
    expect(entries.find((entry) => entry.email === 'p2-a@roster.test')?.stakeholderGroup).toBe(
      'civil_society',
    );

    // The same file again (a double click) changes nothing.
    const again = await t.as(admin).post(rosterPath(), { format: 'csv', content: fixed }).expect(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0 });
    expect(await roster()).toHaveLength(300);
  });

  it('imports an XLSX file and updates an existing account without touching its password', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Registrations');
    sheet.addRow(['Name', 'E-mail', 'Organization', 'Stakeholder group']);
    sheet.addRow(['Pat Updated', participant.user.email, 'City Hall', 'government']);
    sheet.addRow(['Xena', { text: 'xena@roster.test', hyperlink: 'mailto:xena@roster.test' }, 'NGO', 'НКО']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const imported = await t.as(admin).post(rosterPath(), { format: 'xlsx', content }).expect(200);
    expect(imported.body).toEqual({ dryRun: false, total: 2, created: 1, updated: 1 });
    const pat = (await roster()).find((entry) => entry.userId === participant.user.id);
    expect(pat).toMatchObject({
      displayName: 'Pat Updated',
      organization: 'City Hall',
      stakeholderGroup: 'government',
    });
    expect((await roster()).find((entry) => entry.email === 'xena@roster.test')?.stakeholderGroup).toBe(
      'civil_society',
    );
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: participant.user.email, password: participant.password })
      .expect(200);
    // An imported account has no password at all: nothing signs it in but a link.
    await t.http().post('/api/auth/login').send({ email: 'xena@roster.test', password: 'none' }).expect(401);
  });

  it('refuses a file it cannot read or that lacks a column, in the caller’s language', async () => {
    await t.as(admin).post(rosterPath(), { format: 'xlsx', content: 'bm90IGEgemlw' }).expect(400);
    const missing = await t
      .as(admin)
      .post(rosterPath(), { format: 'csv', content: 'name,email\nAnn,ann@roster.test' })
      .set('Accept-Language', 'ru')
      .expect(422);
    expect(missing.body.lines).toEqual([
      { line: 1, field: 'organization', message: 'Этого столбца нет' },
      { line: 1, field: 'group', message: 'Этого столбца нет' },
    ]);
    expect(missing.body.code).toBe('UNPROCESSABLE');
    await t
      .as(participant)
      .post(rosterPath(), { format: 'csv', content: rosterCsv(1, 'p') })
      .expect(403);
  });

  it('signs a device in with a badge link, records each device, and refuses a revoked link with 410', async () => {
    const entry = (await roster()).find((candidate) => candidate.email === 'p1-a@roster.test') as RosterEntry;
    const token = entry.badgeToken as string;
    const phone = await signInWithBadge(token).expect(200);
    const auth = phone.body as AuthResponse;
    expect(auth.user).toMatchObject({ id: entry.userId, email: 'p1-a@roster.test' });
    await t
      .http()
      .get('/api/auth/me')
      .set(...bearer(auth.accessToken))
      .expect(200);
    // A second device works too, and the roster shows two.
    await signInWithBadge(token).expect(200);
    expect((await roster()).find((candidate) => candidate.id === entry.id)?.devices).toBe(2);

    await t.as(admin).delete(`${rosterPath()}/${entry.id}/badge`).expect(204);
    const refused = await signInWithBadge(token).expect(410);
    expect(refused.body.code).toBe('GONE');
    // Revoking ended the sessions the badge started.
    await t.http().post('/api/auth/refresh').send({ refreshToken: auth.refreshToken }).expect(401);
    expect((await roster()).find((candidate) => candidate.id === entry.id)).toMatchObject({
      badgeToken: null,
      devices: 0,
    });

    const renewed = (await t.as(admin).post(`${rosterPath()}/${entry.id}/badge`).expect(200))
      .body as RosterEntry;
    expect(renewed.badgeToken).not.toBe(token);
    await signInWithBadge(renewed.badgeToken as string).expect(200);
    await signInWithBadge(token).expect(410);
    await signInWithBadge(`${entry.id}.${'x'.repeat(43)}`).expect(400);
  });
});
