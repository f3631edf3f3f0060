import { SCREEN_IDS } from '../shell/adminRoute';
import { ROUTE_TABLE } from '../shell/routeTable';

export interface Shortcut {
  readonly keys: string;
  readonly what: string;
}

/** Every shortcut, as `?` lists them: the app's own, then one `g` key per screen in the route table. */
export function shortcutList(): Shortcut[] {
  return [
    { keys: '?', what: 'Show or hide this list of shortcuts' },
    { keys: '/', what: 'Search the orders' },
    { keys: 'j / k', what: 'Next / previous order in a list' },
    { keys: 'Enter', what: 'Open the chosen order' },
    { keys: 'Esc', what: 'Close this list or a form' },
    ...SCREEN_IDS.flatMap((id) => {
      const { key, label } = ROUTE_TABLE[id];
      return key ? [{ keys: `g then ${key}`, what: `Go to ${label.toLowerCase()}` }] : [];
    }),
  ];
}
