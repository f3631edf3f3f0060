import { z } from 'zod';
import { outletDocName } from '../../../../shared/docNames';
import { OutletIdSchema } from '../../../../shared/ids';
import { getJson, readAnswer } from '../../../common/api/http';
import type { Device } from '../../../common/device/device';
import type { Session } from '../../../common/session/session';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import { SnapshotSource } from '../store/snapshotSource';

const outletEntrySchema = z.object({ id: OutletIdSchema, name: z.string() });
const outletListSchema = z.array(outletEntrySchema);

/** An outlet as the catalog lists it; the rest (profile, pause, busy) is in its document. */
export type OutletEntry = z.infer<typeof outletEntrySchema>;

export type OutletDirectoryHost = Pick<Device, 'db' | 'holdDoc' | 'getSnapshot' | 'subscribe'>;

const META_KEY = 'admin:outlets';
/** Outlets added on this device that the server's list did not name yet. */
const ADOPTED_KEY = 'admin:outlets:adopted';

/**
 * Which outlets there are, so the admin's device holds every `outlet:<id>` document (profile, location,
 * pause, busy mode) and has them with no network. The list is asked of the catalog each time the
 * device comes online and kept on the device; after a reload offline the kept list is held again.
 */
export class OutletDirectory extends SnapshotSource<readonly OutletEntry[]> {
  /** Documents held for this sign-in: each is subscribed once, not at every connection change. */
  private held = new Set<string>();
  private adopted: readonly OutletEntry[] = [];
  private heldFor: Session | null = null;
  private lastConnection: string | null = null;

  private constructor(private readonly host: OutletDirectoryHost) {
    super([]);
  }

  static async open(host: OutletDirectoryHost): Promise<OutletDirectory> {
    const directory = new OutletDirectory(host);
    directory.publish((await readMetaJson(host.db, META_KEY, outletListSchema)) ?? []);
    directory.adopted = (await readMetaJson(host.db, ADOPTED_KEY, outletListSchema)) ?? [];
    host.subscribe(() => directory.follow());
    directory.follow();
    return directory;
  }

  private follow(): void {
    const { session, connection } = this.host.getSnapshot();
    if (session !== this.heldFor) {
      this.heldFor = session;
      this.held = new Set();
    }
    if (!session) return;
    this.holdAll();
    // The socket coming back is the best sign the catalog can be asked again too.
    if (connection.status === 'online' && this.lastConnection !== 'online') void this.refresh();
    this.lastConnection = connection.status;
  }

  private async refresh(): Promise<void> {
    const answer = readAnswer(await getJson('/api/outlets'), outletListSchema, 'The list of outlets could not be read.');
    // Offline or refused: the kept list stands, and the next connection asks again.
    if (!answer.ok) return;
    // An outlet added here may not have reached the server yet (added offline, or still syncing):
    // it stays listed until the server names it.
    const listed = new Set(answer.value.map((o) => o.id));
    this.adopted = this.adopted.filter((o) => !listed.has(o.id));
    await writeMetaJson(this.host.db, ADOPTED_KEY, this.adopted);
    await this.keep([...answer.value, ...this.adopted]);
  }

  /** An outlet this device has just set up: listed and held at once, offline too. */
  async adopt(entry: OutletEntry): Promise<void> {
    this.adopted = [...this.adopted.filter((o) => o.id !== entry.id), entry];
    await writeMetaJson(this.host.db, ADOPTED_KEY, this.adopted);
    await this.keep([...this.getSnapshot().filter((o) => o.id !== entry.id), entry]);
  }

  private async keep(list: readonly OutletEntry[]): Promise<void> {
    this.publish(list);
    await writeMetaJson(this.host.db, META_KEY, list);
    this.holdAll();
  }

  private holdAll(): void {
    for (const { id } of this.getSnapshot()) {
      const name = outletDocName(id);
      if (this.held.has(name)) continue;
      this.held.add(name);
      void this.host.holdDoc(name);
    }
  }
}
