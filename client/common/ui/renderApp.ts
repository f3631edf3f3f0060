import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Puts the app where index.html's boot screen was (the staff apps paint one with the page, before their
 * scripts have run and opened the device's storage). The boot screen is removed in the same synchronous
 * step as the first render, so no blank frame shows between them; left to the renderer to reconcile, its
 * `role` and `aria-busy` could stay on an element of the app that reused it.
 */
export function renderApp(container: HTMLElement, app: ReactNode): void {
  container.replaceChildren();
  createRoot(container).render(app);
}
