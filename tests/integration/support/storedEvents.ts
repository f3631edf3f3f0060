import { eventsArray } from '../../../shared/order/orderDoc';
import { login } from './api';
import { MuxTestClient } from './muxClient';

/** The ids of every event the server at `baseUrl` serves in the order documents `names`, read by an admin device. */
export async function storedEventIds(baseUrl: string, names: readonly string[]): Promise<Set<string>> {
  const reader = await MuxTestClient.connect(baseUrl, (await login(baseUrl, 'admin')).token);
  const stored = new Set<string>();
  try {
    for (const name of names) for (const event of eventsArray(await reader.open(name)).toArray()) stored.add((event as { id: string }).id);
  } finally {
    reader.close();
  }
  return stored;
}
