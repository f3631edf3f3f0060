import { cashDue } from '../../shared/dispatch/offer';
import { newEventId, UserIdSchema, type OrderId, type UserId } from '../../shared/ids';
import { currentAssignment } from '../../shared/order/assignment';
import type { OrderStatus } from '../../shared/order/status';
import { firstNameOf } from '../../shared/names';
import { fail, ok, type Result } from '../../shared/result';
import { SYSTEM_ID } from '../../shared/roles';
import type { AdminOrService } from '../auth/adminOrService';
import { appendServerEvents, readOrderView, type EventDraft } from '../orders/orderDocs';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';
import type { DocRegistry } from '../sync/docRegistry';

export interface AgentDeliveryDeps {
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly registry: DocRegistry;
}

/** No driver has this id; none of their orders can be read; none can be completed now. */
export type AgentRefusal = 'unknown_agent' | 'no_order' | 'no_active_delivery';

export interface AgentOrder {
  readonly orderId: OrderId;
  readonly status: OrderStatus;
  readonly assignedAt: number | null;
  readonly outlet: { readonly name: string; readonly address: string; readonly phone: string };
  readonly dropoff: { readonly text: string; readonly lat: number; readonly lng: number } | null;
  readonly customerFirstName: string | null;
  readonly cashToCollect: number;
}

const UNKNOWN_AGENT = fail('unknown_agent', 'There is no delivery agent with this id.');

/** The agent id of a `/delivery/{id}` path; one no id could name is as unknown as one not on file. */
export function agentIdOf(param: string): Result<UserId, 'unknown_agent'> {
  const id = UserIdSchema.safeParse(param);
  return id.success ? ok(id.data) : UNKNOWN_AGENT;
}

/**
 * The agent API reads which orders a driver holds from the index, which projections write after each
 * commit: an assignment acknowledged a moment ago (made in an app, or by dispatch) must already be there.
 */
function committedSoFarProjected(deps: AgentDeliveryDeps): Promise<void> {
  return deps.registry.hooksStartedSettled();
}

async function agent(deps: AgentDeliveryDeps, agentId: UserId): Promise<Result<DriverRecord, 'unknown_agent'>> {
  const driver = await deps.drivers.get(agentId);
  return driver ? ok(driver) : UNKNOWN_AGENT;
}

/** `GET /delivery/{id}`: the order most recently assigned to the agent, finished or not. */
export async function latestAgentOrder(deps: AgentDeliveryDeps, agentId: UserId): Promise<Result<AgentOrder, AgentRefusal>> {
  await committedSoFarProjected(deps);
  const driver = await agent(deps, agentId);
  if (!driver.ok) return driver;
  const orderId = await deps.driverOrders.latest(driver.value.id);
  const view = orderId ? await readOrderView(deps.registry, orderId) : null;
  if (!orderId || !view) return fail('no_order', 'No order has been assigned to this agent.');
  const { header, state } = view;
  return ok({
    orderId,
    status: state.status,
    assignedAt: currentAssignment(state)?.at ?? null,
    outlet: { name: header.outlet.name, address: header.outlet.address, phone: header.outlet.phone },
    dropoff: header.address ? { text: header.address.text, lat: header.address.lat, lng: header.address.lng } : null,
    customerFirstName: firstNameOf(header.customer.name),
    cashToCollect: cashDue(header),
  });
}

/**
 * `PUT /delivery/{id}`: marks the agent's current delivery delivered, appending `picked_up` first when it
 * was not yet, so the order document, the outlet and the tracking link all see it. The events are by the
 * calling admin, or by `system` for the service token (it has no user to name). "Current" is the order the
 * agent is carrying, else the one assigned to them first that the outlet has accepted.
 */
export async function completeAgentDelivery(
  deps: AgentDeliveryDeps,
  agentId: UserId,
  caller: AdminOrService,
  now: number,
): Promise<Result<{ orderId: OrderId; status: OrderStatus }, AgentRefusal>> {
  await committedSoFarProjected(deps);
  const found = await agent(deps, agentId);
  if (!found.ok) return found;
  const driver = found.value;
  const by = caller.kind === 'admin' ? { id: caller.id, role: 'admin' as const } : { id: SYSTEM_ID, role: 'system' as const };
  for (const orderId of await deps.driverOrders.active(driver.id)) {
    const done = await appendServerEvents(deps.registry, orderId, now, (view) => {
      if (view.state.driverId !== driver.id) return null;
      const events: EventDraft[] = [];
      if (view.state.status !== 'picked_up') events.push({ id: newEventId(), type: 'picked_up', by });
      events.push({ id: newEventId(), type: 'delivered', by });
      return events;
    });
    if (done) return ok({ orderId, status: done.after.state.status });
  }
  return fail('no_active_delivery', 'This agent has no delivery that can be completed now.');
}
