import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { KitchenTicket, type TicketRequest } from './KitchenTicket';
import './print.css';

/**
 * The page the printer sees: a direct child of <body>, so print CSS can hide the app beside it.
 * The last ticket stays in it (hidden on screen) until the next one replaces it.
 */
export function PrintSheet({ ticket }: { readonly ticket: TicketRequest | null }) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const element = document.createElement('div');
    element.className = 'print-sheet';
    document.body.append(element);
    setHost(element);
    return () => element.remove();
  }, []);
  if (!host || !ticket) return null;
  return createPortal(<KitchenTicket ticket={ticket} />, host);
}
