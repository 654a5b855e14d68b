import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

// The web client is built with no inline script or style, so its policy allows none.
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

function headers(options: { inlineStyles: boolean; https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        ...CSP_DIRECTIVES,
        styleSrc: options.inlineStyles ? ["'self'", "'unsafe-inline'"] : CSP_DIRECTIVES.styleSrc,
        upgradeInsecureRequests: options.https ? [] : null,
      },
    },
  });
}

/**
 * Helmet's headers with Helix's Content-Security-Policy. `upgrade-insecure-requests` goes only to a request
 * that came over HTTPS (directly or through the trusted proxy, `req.secure`), or to every request when
 * PUBLIC_URL is https: a phone that opened the venue's plain-HTTP address (http://192.0.2.2:3000) would
 * otherwise fetch every script and stylesheet over https, which nothing answers, and show a blank page.
 * Browsers exempt only localhost from the upgrade, so a test on localhost never sees it.
 */
export function securityHeaders(options: { publicUrl: string | undefined }): RequestHandler {
  const alwaysHttps = options.publicUrl?.startsWith('https:') ?? false;
  const byKind = (inlineStyles: boolean) => ({
    http: headers({ inlineStyles, https: false }),
    https: headers({ inlineStyles, https: true }),
  });
  const app = byKind(false);
  const docs = byKind(true);
  return (request: Request, response: Response, next: NextFunction) => {
    // Only the third-party Swagger UI gets inline styles.
    const policies = request.path.startsWith('/api/docs') ? docs : app;
    return (alwaysHttps || request.secure ? policies.https : policies.http)(request, response, next);
  };
}
