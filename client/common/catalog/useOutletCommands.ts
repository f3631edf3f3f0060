import type { OutletId } from '../../../shared/ids';
import { refuse, type CommandOutcome } from '../commands/commandOutcome';
import { endBusy, markAvailable, markUnavailable, pauseOrders, resumeOrders, startBusy, type OutletCommandContext } from './outletCommands';
import { useDevice } from '../device/DeviceContext';

export interface OutletCommands {
  readonly markUnavailable: (id: string, until: number | null) => CommandOutcome;
  readonly markAvailable: (id: string) => CommandOutcome;
  readonly startBusy: (extraMinutes: number, until: number) => CommandOutcome;
  readonly endBusy: () => CommandOutcome;
  readonly pauseOrders: (until: number | null, reason: string) => CommandOutcome;
  readonly resumeOrders: () => CommandOutcome;
}

const SIGNED_OUT = refuse('Sign in to change the outlet.');

/** Availability, busy mode and pause for one outlet, bound to the signed-in user. */
export function useOutletCommands(outletId: OutletId): OutletCommands {
  const device = useDevice();
  const bound =
    <A extends unknown[]>(run: (ctx: OutletCommandContext, id: OutletId, ...args: A) => CommandOutcome) =>
    (...args: A): CommandOutcome => {
      // The order commands' context (who acts, the documents the device holds) is all outlet commands need.
      const ctx = device.orderCommands();
      return ctx ? run(ctx, outletId, ...args) : SIGNED_OUT;
    };
  return {
    markUnavailable: bound((ctx, id, itemId: string, until: number | null) => markUnavailable(ctx, id, itemId, until)),
    markAvailable: bound(markAvailable),
    startBusy: bound((ctx, id, extra: number, until: number) => startBusy(ctx, id, extra, until)),
    endBusy: bound(endBusy),
    pauseOrders: bound((ctx, id, until: number | null, reason: string) => pauseOrders(ctx, id, until, reason)),
    resumeOrders: bound(resumeOrders),
  };
}
