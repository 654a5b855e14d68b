import express, { type Express } from 'express';
import request from 'supertest';
import { securityHeaders } from './security-headers';

function appWith(publicUrl: string | undefined): Express {
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders({ publicUrl }));
  app.use((_request, response) => {
    response.send('ok');
  });
  return app;
}

async function policy(app: Express, path: string, forwardedProto?: string): Promise<string> {
  const call = request(app).get(path);
  const response = await (forwardedProto ? call.set('X-Forwarded-Proto', forwardedProto) : call);
  return response.headers['content-security-policy'] ?? '';
}

describe('securityHeaders', () => {
  it('upgrades insecure requests only for a request that came over HTTPS', async () => {
    const app = appWith(undefined);
    const plain = await policy(app, '/r/tomsk-track');
    expect(plain).toContain("script-src 'self'");
    expect(plain).not.toContain('upgrade-insecure-requests');
    expect(await policy(app, '/r/tomsk-track', 'https')).toContain('upgrade-insecure-requests');
    expect(await policy(app, '/r/tomsk-track', 'http')).not.toContain('upgrade-insecure-requests');
  });

  it('upgrades every request when PUBLIC_URL is https, and none for an http one', async () => {
    expect(await policy(appWith('https://forum.example'), '/')).toContain('upgrade-insecure-requests');
    expect(await policy(appWith('http://192.0.2.2:3000'), '/')).not.toContain('upgrade-insecure-requests');
  });

  it('allows inline styles for the Swagger UI only, under the same rule', async () => {
    const app = appWith(undefined);
    expect(await policy(app, '/')).not.toContain('unsafe-inline');
    const docs = await policy(app, '/api/docs');
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).not.toContain('upgrade-insecure-requests');
    expect(await policy(app, '/api/docs', 'https')).toContain('upgrade-insecure-requests');
  });
});
