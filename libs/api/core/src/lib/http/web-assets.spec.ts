import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { webAssets } from './web-assets';

describe('webAssets', () => {
  const source = 'export const answer = 42;\n'.repeat(200);
  let dir: string;
  const app = express();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'helix-assets-'));
    writeFileSync(join(dir, 'index-abc123.js'), source);
    writeFileSync(join(dir, 'index-abc123.js.br'), brotliCompressSync(source));
    writeFileSync(join(dir, 'index-abc123.js.gz'), gzipSync(source));
    writeFileSync(join(dir, 'plain-def456.css'), 'body{}');
    app.use('/assets', webAssets(dir));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sends the Brotli file to a browser that accepts it, as JavaScript, cached for good', async () => {
    const response = await request(app)
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(response.text).toBe(source);
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gzip = await request(app).get('/assets/index-abc123.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(source);
    const plain = await request(app).get('/assets/plain-def456.css').set('Accept-Encoding', 'br').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('body{}');
  });
});
