import { randomBytes } from 'node:crypto';
import type { BrowserContext, Route } from '@playwright/test';
import { z } from 'zod';

/**
 * Google's side of the Firebase web SDK's `getToken` and `deleteToken`, answered inside the browser
 * context (Playwright routes), as the real services answer: Firebase Installations (an id and an auth
 * token for this browser) and FCM registrations (a registration token for a push subscription). The
 * SDK itself runs unchanged; the apps' Content-Security-Policy must allow both hosts, as it does when
 * the server knows the apps were built with a Firebase config.
 */

const HOSTS = /^https:\/\/(firebaseinstallations|fcmregistrations)\.googleapis\.com\//;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': '*',
};

const registrationBodySchema = z.object({
  web: z.object({ endpoint: z.string(), auth: z.string(), p256dh: z.string(), applicationPubKey: z.string().optional() }),
});

/** A registration FCM "made": the token it issued for a browser's real push subscription. */
export interface FcmWebRegistration {
  readonly token: string;
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
  readonly applicationPubKey: string | null;
  /** The installation auth token the SDK presented: it must be one this fake issued. */
  readonly installationAuth: string | null;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class FakeFirebase {
  readonly installations: string[] = [];
  readonly registrations: FcmWebRegistration[] = [];
  readonly deletedTokens: string[] = [];
  private readonly authTokens = new Set<string>();

  private constructor() {}

  static async install(context: BrowserContext): Promise<FakeFirebase> {
    const fake = new FakeFirebase();
    await context.route(HOSTS, (route) => fake.answer(route));
    return fake;
  }

  /** FCM registration tokens this fake issued that the SDK has not deleted. */
  get liveTokens(): string[] {
    return this.registrations.map((r) => r.token).filter((t) => !this.deletedTokens.includes(t));
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();
    const json = (status: number, body: unknown) =>
      route.fulfill({ status, headers: CORS, contentType: 'application/json', body: JSON.stringify(body) });
    if (method === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });

    if (url.hostname === 'firebaseinstallations.googleapis.com') {
      const fid = /\/installations\/([^/]+)\/authTokens:generate$/.exec(url.pathname)?.[1];
      const authToken = { token: `fake-fis-${random(24)}`, expiresIn: '604800s' };
      this.authTokens.add(authToken.token);
      if (fid) return json(200, authToken);
      const created = z.object({ fid: z.string() }).parse(request.postDataJSON());
      this.installations.push(created.fid);
      const project = url.pathname.split('/')[3] ?? 'project';
      return json(200, {
        name: `projects/${project}/installations/${created.fid}`,
        fid: created.fid,
        refreshToken: `fake-refresh-${random(24)}`,
        authToken,
      });
    }

    const token = /\/registrations\/([^/]+)$/.exec(url.pathname)?.[1];
    if (method === 'DELETE' && token) {
      this.deletedTokens.push(token);
      return json(200, {});
    }
    if ((method === 'POST' && !token) || (method === 'PATCH' && token)) {
      const body = registrationBodySchema.parse(request.postDataJSON());
      const issued = token ?? `fake-fcm-${random(32)}`;
      const auth = /^FIS (.+)$/.exec((await request.headerValue('x-goog-firebase-installations-auth')) ?? '')?.[1] ?? null;
      this.registrations.push({
        token: issued,
        endpoint: body.web.endpoint,
        p256dh: body.web.p256dh,
        auth: body.web.auth,
        applicationPubKey: body.web.applicationPubKey ?? null,
        installationAuth: auth !== null && this.authTokens.has(auth) ? auth : null,
      });
      return json(200, { token: issued });
    }
    return json(404, { error: { code: 404, message: `the fake has no ${method} ${url.pathname}`, status: 'NOT_FOUND' } });
  }
}
