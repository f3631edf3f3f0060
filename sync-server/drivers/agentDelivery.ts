import { newEventId, type OrderId } from '../../shared/ids';
import { currentAssignment } from '../../shared/order/assignment';
import type { OrderStatus } from '../../shared/order/status';
import { firstNameOf } from '../../shared/names';
import { SYSTEM_ID } from '../../shared/roles';
import type { AdminOrService } from '../auth/adminOrService';
import { appendServerEvents, readOrderView, type EventDraft } from '../dispatch/orderDocs';
import { AppError, conflict } from '../errors';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';
import type { DocRegistry } from '../sync/docRegistry';

export interface AgentDeliveryDeps {
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly registry: DocRegistry;
}

export interface AgentOrder {
  readonly orderId: OrderId;
  readonly status: OrderStatus;
  readonly assignedAt: number | null;
  readonly outlet: { readonly name: string; readonly address: string; readonly phone: string };
  readonly dropoff: { readonly text: string; readonly lat: number; readonly lng: number } | null;
  readonly customerFirstName: string | null;
  readonly cashToCollect: number;
}

function agent(deps: AgentDeliveryDeps, agentId: string): DriverRecord {
  const driver = deps.drivers.get(agentId);
  if (!driver) throw new AppError(404, 'unknown_agent', 'There is no delivery agent with this id.');
  return driver;
}

/** `GET /delivery/{id}`: the order most recently assigned to the agent, finished or not. */
export async function latestAgentOrder(deps: AgentDeliveryDeps, agentId: string): Promise<AgentOrder> {
  const driver = agent(deps, agentId);
  const orderId = deps.driverOrders.latest(driver.id);
  const view = orderId ? await readOrderView(deps.registry, orderId) : null;
  if (!orderId || !view) throw new AppError(404, 'no_order', 'No order has been assigned to this agent.');
  const { header, state } = view;
  return {
    orderId,
    status: state.status,
    assignedAt: currentAssignment(state)?.at ?? null,
    outlet: { name: header.outlet.name, address: header.outlet.address, phone: header.outlet.phone },
    dropoff: header.address ? { text: header.address.text, lat: header.address.lat, lng: header.address.lng } : null,
    customerFirstName: firstNameOf(header.customer.name),
    cashToCollect: header.payment.method === 'cash' ? header.totals.total : 0,
  };
}

/**
 * `PUT /delivery/{id}`: marks the agent's current delivery delivered, appending `picked_up` first when it
 * was not yet, so the order document, the outlet and the tracking link all see it. The events are by the
 * calling admin, or by `system` for the service token (it has no user to name). "Current" is the order the
 * agent is carrying, else the one assigned to them first that the outlet has accepted.
 */
export async function completeAgentDelivery(deps: AgentDeliveryDeps, agentId: string, caller: AdminOrService, now: number): Promise<{ orderId: OrderId; status: OrderStatus }> {
  const driver = agent(deps, agentId);
  const by = caller.kind === 'admin' ? { id: caller.id, role: 'admin' as const } : { id: SYSTEM_ID, role: 'system' as const };
  for (const orderId of deps.driverOrders.active(driver.id)) {
    const done = await appendServerEvents(deps.registry, orderId, now, (view) => {
      if (view.state.driverId !== driver.id) return null;
      const events: EventDraft[] = [];
      if (view.state.status !== 'picked_up') events.push({ id: newEventId(), type: 'picked_up', by });
      events.push({ id: newEventId(), type: 'delivered', by });
      return events;
    });
    if (done) return { orderId, status: done.after.state.status };
  }
  throw conflict('no_active_delivery', 'This agent has no delivery that can be completed now.');
}
