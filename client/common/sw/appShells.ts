/** A precache entry as the build injects it into the worker. */
export interface ManifestEntry {
  readonly url: string;
  readonly revision: string | null;
}

export interface AppShell {
  /** Where the app lives, e.g. `/outlet/`. */
  readonly scope: string;
  /** The precached page that boots it, e.g. `/outlet/index.html`. */
  readonly shell: string;
}

const SHELL = /^\/?([a-z][a-z0-9-]*)\/index\.html$/;

/**
 * Every app whose `<app>/index.html` the build precached; each gets its own navigation
 * fallback, so an app added to the build works offline without touching the worker.
 */
export function appShells(manifest: readonly (ManifestEntry | string)[]): AppShell[] {
  const shells: AppShell[] = [];
  for (const entry of manifest) {
    const url = typeof entry === 'string' ? entry : entry.url;
    const match = SHELL.exec(url);
    if (match?.[1]) shells.push({ scope: `/${match[1]}/`, shell: `/${match[1]}/index.html` });
  }
  return shells;
}

/** Navigations under the app's path, with or without the trailing slash. */
export function navigationPattern(shell: AppShell): RegExp {
  const name = shell.scope.slice(1, -1);
  return new RegExp(`^/${name}(?:/|$)`);
}
