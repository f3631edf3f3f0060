import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderDocName } from '../../../shared/docNames';
import { login, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { freePort, spawnServer, tempDataDir, type ChildServer } from '../support/server';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

/** Preloaded into the server: at exit it writes every CommonJS module the process loaded, by path. */
const LOADED_MODULES_PRELOAD = `
const fs = require('node:fs');
process.on('exit', () => fs.writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));
`;

describe('the Redis connection', () => {
  it('is never loaded by a node without REDIS_URL, which keeps ioredis out of its memory', async () => {
    expect(process.env.REDIS_URL, 'this test starts a node without REDIS_URL').toBeUndefined();
    const dataDir = tempDataDir('no-redis');
    const tools = tempDataDir('loaded-modules');
    const preload = path.join(tools, 'preload.cjs');
    const written = path.join(tools, 'loaded.json');
    fs.writeFileSync(preload, LOADED_MODULES_PRELOAD);
    const server = await spawnServer(dataDir, await freePort(), { NODE_OPTIONS: `--require ${preload}`, LOADED_MODULES_FILE: written });
    children.push(server);
    // Signed in, an order placed and synced: the paths that would reach for Redis (sign-in throttle, rate
    // limits, presence, fan-out) have all run.
    const outlet = await login(server.url, 'outlet');
    const name = orderDocName((await placeOrder(server.url)).orderId);
    const tablet = await MuxTestClient.connect(server.url, outlet.token);
    await tablet.subscribe(name);
    tablet.close();
    server.process.kill('SIGTERM');
    await server.exited;

    const loaded = z.array(z.string()).parse(JSON.parse(fs.readFileSync(written, 'utf8')));
    expect(loaded.some((file) => file.includes(`${path.sep}better-sqlite3${path.sep}`))).toBe(true);
    expect(loaded.filter((file) => file.includes(`${path.sep}ioredis${path.sep}`))).toEqual([]);
  });
});
