import { useMemo } from 'react';
import type { Menu, OutletProfile } from '../../../../shared/catalog/menu';
import { outletDocName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import { fail, ok, type Result } from '../../../../shared/result';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import type { Device } from '../../../common/device/device';
import { useAdminDevice } from '../AdminContext';
import { EMPTY_MENU, firstProfile, newOutletId, type NewOutlet } from './newOutlet';
import type { OutletDirectory } from './outletDirectory';
import { saveMenu, saveProfile, setUpOutlet, type OutletEditContext } from './outletEdits';

/** What an admin does to outlets. Each writes the outlet's document on this device first; it syncs when it can. */
export interface AdminOutletCommands {
  saveProfile(outletId: OutletId, profile: OutletProfile): Promise<CommandOutcome>;
  saveMenu(outletId: OutletId, menu: Menu): Promise<CommandOutcome>;
  /** Sets up a new outlet (closed, no menu yet) and lists it on this device at once. */
  create(outlet: NewOutlet): Promise<Result<OutletId>>;
}

const SIGNED_OUT = refuse('Sign in to change outlets.');

export function adminOutletCommands(device: Device, directory: OutletDirectory): AdminOutletCommands {
  /** The outlet's document is loaded first: after a restart it may still be on its way from storage. */
  const onOutlet = async (outletId: OutletId, run: (ctx: OutletEditContext) => CommandOutcome): Promise<CommandOutcome> => {
    await device.holdDoc(outletDocName(outletId), true);
    const ctx = device.orderCommands();
    return ctx ? run(ctx) : SIGNED_OUT;
  };
  return {
    saveProfile: (outletId, profile) => onOutlet(outletId, (ctx) => saveProfile(ctx, outletId, profile)),
    saveMenu: (outletId, menu) => onOutlet(outletId, (ctx) => saveMenu(ctx, outletId, menu)),
    async create(outlet) {
      if (!outlet.name.trim()) return fail('refused', 'Give the outlet a name.');
      const outletId = newOutletId(outlet.name);
      const outcome = await onOutlet(outletId, (ctx) => setUpOutlet(ctx, outletId, firstProfile(outletId, outlet), EMPTY_MENU));
      if (!outcome.ok) return outcome;
      await directory.adopt({ id: outletId, name: outlet.name.trim() });
      return ok(outletId);
    },
  };
}

/** The outlet commands for the signed-in admin; loaded with the outlets screen, not with the app. */
export function useAdminOutletCommands(): AdminOutletCommands {
  const admin = useAdminDevice();
  return useMemo(() => adminOutletCommands(admin.device, admin.outlets), [admin]);
}
