import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../sync-server/config';
import { OFFLINE_PROJECT_ID } from '../../../../sync-server/wake/fcmConfig';

const KEY = {
  type: 'service_account',
  project_id: 'dabba-prod',
  client_email: 'wake@dabba-prod.iam.gserviceaccount.com',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
};

const keyFile = (content: unknown): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcm-key-'));
  const file = path.join(dir, 'key.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};

const fcmOf = (env: Record<string, string>) => loadConfig(env).fcm;

describe('wake-up configuration', () => {
  it('is off when nothing names a way to FCM', () => {
    expect(fcmOf({})).toBeNull();
    expect(fcmOf({ FIREBASE_PROJECT_ID: 'dabba-prod' })).toBeNull();
  });

  it('reads a service account key inline or from a file, and its project unless FIREBASE_PROJECT_ID names another', () => {
    const inline = fcmOf({ FIREBASE_SERVICE_ACCOUNT: JSON.stringify(KEY) });
    expect(inline).toEqual({
      credentials: { kind: 'serviceAccount', key: { projectId: 'dabba-prod', clientEmail: KEY.client_email, privateKey: KEY.private_key } },
      projectId: 'dabba-prod',
    });
    expect(fcmOf({ FIREBASE_SERVICE_ACCOUNT: keyFile(KEY), FIREBASE_PROJECT_ID: 'dabba-other' })?.projectId).toBe('dabba-other');
  });

  it('sends to DABBA_FCM_ENDPOINT with no Google credentials, addressed as an offline project', () => {
    const fcm = fcmOf({ DABBA_FCM_ENDPOINT: 'http://127.0.0.1:9099' });
    expect(fcm?.credentials).toEqual({ kind: 'endpoint', endpoint: new URL('http://127.0.0.1:9099') });
    expect(fcm?.projectId).toBe(OFFLINE_PROJECT_ID);
    expect(fcmOf({ DABBA_FCM_ENDPOINT: 'https://fcm.example.test/', FIREBASE_SERVICE_ACCOUNT: JSON.stringify(KEY) })).toMatchObject({
      credentials: { kind: 'endpoint' },
      projectId: 'dabba-prod',
    });
  });

  it('takes GOOGLE_APPLICATION_CREDENTIALS with the project its key names, or FIREBASE_PROJECT_ID', () => {
    expect(fcmOf({ GOOGLE_APPLICATION_CREDENTIALS: keyFile(KEY) })).toEqual({
      credentials: { kind: 'applicationDefault' },
      projectId: 'dabba-prod',
    });
    const userKey = keyFile({ type: 'authorized_user', client_id: 'x' });
    expect(() => fcmOf({ GOOGLE_APPLICATION_CREDENTIALS: userKey })).toThrow(/FIREBASE_PROJECT_ID: is needed/);
    expect(fcmOf({ GOOGLE_APPLICATION_CREDENTIALS: userKey, FIREBASE_PROJECT_ID: 'dabba-prod' })?.projectId).toBe('dabba-prod');
  });

  it('stops the start on a bad value, naming the variable', () => {
    const refusals: [Record<string, string>, RegExp][] = [
      [{ FIREBASE_SERVICE_ACCOUNT: '{"project_id": ' }, /FIREBASE_SERVICE_ACCOUNT: is neither a readable file nor valid JSON/],
      [{ FIREBASE_SERVICE_ACCOUNT: '/no/such/key.json' }, /FIREBASE_SERVICE_ACCOUNT: cannot read \/no\/such\/key.json/],
      [{ FIREBASE_SERVICE_ACCOUNT: keyFile({ project_id: 'p' }) }, /FIREBASE_SERVICE_ACCOUNT: is not a service account key/],
      [{ GOOGLE_APPLICATION_CREDENTIALS: keyFile('not json') }, /GOOGLE_APPLICATION_CREDENTIALS: cannot read/],
      [{ DABBA_FCM_ENDPOINT: 'localhost:9099' }, /DABBA_FCM_ENDPOINT: must be http\(s\):\/\/host:port/],
      [{ DABBA_FCM_ENDPOINT: 'http://127.0.0.1:9099/v1' }, /DABBA_FCM_ENDPOINT/],
      [{ FIREBASE_PROJECT_ID: 'Dabba Prod' }, /FIREBASE_PROJECT_ID: must be a Firebase project id/],
      [{ DABBA_WAKE_COALESCE_MS: '900' }, /DABBA_WAKE_COALESCE_MS/],
    ];
    for (const [env, message] of refusals) expect(() => loadConfig(env)).toThrow(message);
    // One line per bad variable, not a cascade.
    expect(() => loadConfig({ FIREBASE_SERVICE_ACCOUNT: '/no/such/key.json' })).not.toThrow(/service account key/);
  });
});
