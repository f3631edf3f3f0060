import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DEPLOY = path.resolve(import.meta.dirname, '../../../../sync-server/deploy');

interface Instruction {
  readonly op: string;
  readonly args: string;
}
interface Stage {
  readonly name: string;
  readonly from: string;
  readonly steps: Instruction[];
}

/** The Dockerfile's stages and their instructions, continuation lines joined and comments dropped. */
function stagesOf(text: string): Stage[] {
  const joined = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: Stage[] = [];
  for (const line of joined.split('\n')) {
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const op = (match[1] ?? '').toUpperCase();
    const args = (match[2] ?? '').trim().replace(/\s+/g, ' ');
    if (op === 'FROM') {
      const from = /^(\S+)(?: AS (\S+))?$/i.exec(args);
      stages.push({ from: from?.[1] ?? '', name: from?.[2] ?? String(stages.length), steps: [] });
    } else stages.at(-1)?.steps.push({ op, args });
  }
  return stages;
}

const stages = stagesOf(fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8'));
const stage = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const runtime = stages.at(-1);
const argsOf = (s: Stage | undefined, op: string): string[] => (s?.steps ?? []).filter((i) => i.op === op).map((i) => i.args);
const execForm = (args: string): string[] => {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
};
const envOf = (s: Stage | undefined): Map<string, string> =>
  new Map(argsOf(s, 'ENV').flatMap((args) => [...args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? ''] as const)));

describe('the Dockerfile', () => {
  it('builds in stages: production dependencies, the PWAs with vite and the server bundle, then a runtime of its own', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'runtime']);
    expect(argsOf(stage('deps'), 'RUN').join(' ')).toMatch(/python3 make g\+\+.*npm ci --omit=dev/);
    expect(argsOf(stage('build'), 'RUN').join(' ')).toMatch(/npm ci .*vite build.*scripts\/serverBundle\/build\.ts/);
    expect(runtime?.from).toBe(stage('deps').from);
    expect(argsOf(runtime, 'COPY')).toEqual(
      expect.arrayContaining([
        '--from=deps /app/node_modules node_modules',
        '--from=build /app/dist dist',
        '--from=build /app/dist-server dist-server',
      ]),
    );
    expect(argsOf(runtime, 'RUN').join(' ')).not.toMatch(/apt-get install|npm (ci|install)/);
  });

  it('runs as a user who is not root', () => {
    const user = argsOf(runtime, 'USER').at(-1) ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('checks its health on /healthz at the port it serves', () => {
    const [check] = argsOf(runtime, 'HEALTHCHECK');
    const cmd = /^(?:--\S+ )*CMD (.*)$/.exec(check ?? '')?.[1] ?? '';
    expect(execForm(cmd).join(' ')).toContain("'http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz'");
    expect(envOf(runtime).get('PORT')).toBe('8787');
  });

  it('starts node itself, so SIGTERM reaches the server and drains it', () => {
    const cmds = argsOf(runtime, 'CMD');
    expect(cmds).toHaveLength(1);
    expect(execForm(cmds[0] ?? '')).toEqual(['node', '--enable-source-maps', 'dist-server/main.mjs']);
    expect(argsOf(runtime, 'ENTRYPOINT')).toEqual([]);
    expect(argsOf(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('serves the built PWAs and keeps DATA_DIR on a volume the user owns', () => {
    const env = envOf(runtime);
    expect(argsOf(runtime, 'WORKDIR')).toEqual(['/app']);
    expect(env.get('DABBA_STATIC_DIR')).toBe('/app/dist');
    expect(env.get('HOST')).toBe('0.0.0.0');
    const dataDir = env.get('DATA_DIR') ?? '';
    expect(argsOf(runtime, 'VOLUME')).toEqual([dataDir]);
    expect(argsOf(runtime, 'RUN')).toContain(`mkdir -p ${dataDir} && chown node:node ${dataDir}`);
    expect(argsOf(runtime, 'USER')).toEqual(['node']);
  });
});

describe('Dockerfile.dockerignore', () => {
  const patterns = fs
    .readFileSync(path.join(DEPLOY, 'Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('sends nothing by default, and every path a COPY takes from the context', () => {
    expect(patterns[0]).toBe('*');
    const sent = new Set(patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
    const copied = stages.flatMap((s) => argsOf(s, 'COPY').filter((a) => !a.startsWith('--from')));
    const sources = copied.flatMap((args) => args.split(' ').slice(0, -1));
    expect(sources.filter((source) => !sent.has(source))).toEqual([]);
  });

  it('keeps dependencies, secrets and the deploy files themselves out of the image', () => {
    expect(patterns).toEqual(expect.arrayContaining(['**/node_modules', '**/.env*', 'sync-server/deploy']));
  });
});
