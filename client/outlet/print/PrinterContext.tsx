import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { usePrints } from '../model/orders/usePrints';
import type { OrderRow } from '../../common/store/db';
import type { TicketRequest } from './KitchenTicket';
import { PrintSheet } from './PrintSheet';

export interface Printer {
  /** Puts the order's ticket on the print sheet and opens the browser's print; works offline. */
  readonly print: (order: OrderRow) => void;
  readonly printedCount: (orderId: string) => number;
}

const PrinterContext = createContext<Printer | null>(null);

export function usePrinter(): Printer {
  const printer = useContext(PrinterContext);
  if (!printer) throw new Error('usePrinter needs a <PrinterProvider> above it');
  return printer;
}

export function PrinterProvider({ outletName, children }: { readonly outletName: string; readonly children: ReactNode }) {
  const prints = usePrints();
  const [ticket, setTicket] = useState<TicketRequest | null>(null);
  const { counts, record } = prints;

  const print = useCallback(
    (order: OrderRow) => {
      setTicket({ order, outletName, reprint: (counts.get(order.id) ?? 0) > 0, printedAt: Date.now() });
    },
    [counts, outletName],
  );

  // After the ticket is in the DOM: the print dialog lays out what is there when it opens.
  useEffect(() => {
    if (!ticket) return;
    window.print();
    record(ticket.order.id);
  }, [ticket, record]);

  const printer = useMemo<Printer>(() => ({ print, printedCount: (orderId) => counts.get(orderId) ?? 0 }), [print, counts]);
  return (
    <PrinterContext.Provider value={printer}>
      {children}
      <PrintSheet ticket={ticket} />
    </PrinterContext.Provider>
  );
}
