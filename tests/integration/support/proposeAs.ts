import { orderDocName } from '../../../shared/docNames';
import { newEventId, type OrderId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, type Session } from './api';
import { MuxTestClient } from './muxClient';

/**
 * What the server answers to `session` appending an event of `type` with `data` to the order over the
 * sync socket, as the apps do: 'ack', or the refusal's code.
 */
export async function proposeAs(
  baseUrl: string,
  session: Session,
  orderId: OrderId,
  type: string,
  data: Record<string, unknown> = {},
): Promise<string> {
  const name = orderDocName(orderId);
  const client = await MuxTestClient.connect(baseUrl, session.token);
  try {
    await client.open(name);
    const event = { id: newEventId(), type, at: Date.now(), by: authorOf(session), ...data };
    const answer = await client.propose(name, (d) => eventsArray(d).push([event]));
    return answer.type === MuxType.REJECT ? answer.code : 'ack';
  } finally {
    client.close();
  }
}
