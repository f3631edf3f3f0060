import { useMemo } from 'react';
import type { Catalog } from '../../../../shared/catalog/outletDoc';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import { discardPhoneOrder, enterPhoneOrder } from './phoneOrderCommands';
import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import type { PhoneOrderRow } from '../../../common/store/db';
import { phoneOrdersNotOnBoard } from '../../../common/store/phoneOrders';
import { useOutletDevice } from '../OutletContext';

const NONE: readonly PhoneOrderRow[] = [];
const SIGNED_OUT = refuse('Sign in to take phone orders.');

export interface PhoneOrders {
  /** The outbox: phone orders not yet on the board as real orders, oldest first. */
  readonly entries: readonly PhoneOrderRow[];
  readonly enter: (draft: unknown, catalog: Catalog | null, replaces?: string | null) => Promise<CommandOutcome>;
  readonly discard: (key: string) => Promise<CommandOutcome>;
}

export function usePhoneOrders(outletId: string): PhoneOrders {
  const device = useDevice();
  const outlet = useOutletDevice();
  const rows = useLiveQuery(() => phoneOrdersNotOnBoard(device.db, outletId), `phone-orders:${outletId}`, NONE);
  const entries = useMemo(() => [...rows].sort((a, b) => a.request.enteredAt - b.request.enteredAt), [rows]);
  return useMemo(
    () => ({
      entries,
      enter: async (draft, catalog, replaces = null) => {
        const ctx = outlet.phoneOrders();
        return ctx ? enterPhoneOrder(ctx, draft, catalog, replaces) : SIGNED_OUT;
      },
      discard: async (key) => {
        const ctx = outlet.phoneOrders();
        return ctx ? discardPhoneOrder(ctx, key) : SIGNED_OUT;
      },
    }),
    [entries, outlet],
  );
}
