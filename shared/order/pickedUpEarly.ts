/**
 * Was the order picked up before the kitchen marked it ready? A driver may take a bag the kitchen only
 * accepted (the food is there, the tablet was not tapped); then "Ready" never happened and no screen
 * should say it did. Reads events in fold order, as an order's applied events and the tracking view's
 * timeline both are.
 */
export function pickedUpEarly(events: readonly { readonly type: string }[]): boolean {
  const pickedUp = events.findIndex((e) => e.type === 'picked_up');
  return pickedUp >= 0 && !events.slice(0, pickedUp).some((e) => e.type === 'ready');
}
