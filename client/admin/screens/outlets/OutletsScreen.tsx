import './outlets.css';
import { OutletIdSchema } from '../../../../shared/ids';
import type { ScreenProps } from '../../shell/screenProps';
import { OutletEditor } from './OutletEditor';
import { OutletList } from './OutletList';

/**
 * Outlets and menus: every outlet with whether it takes orders now, and one outlet's profile,
 * hours, delivery zones, menu and availability (`#/outlets/<outletId>`). Everything is written to
 * the outlet's document on this device first, so it works offline and reaches the outlet's tablets
 * and the ordering page when it syncs. Loaded only when opened.
 */
export default function OutletsScreen({ param }: ScreenProps) {
  const parsed = OutletIdSchema.safeParse(param);
  return parsed.success ? <OutletEditor outletId={parsed.data} /> : <OutletList />;
}
