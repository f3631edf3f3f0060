import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TrackingToken } from '../../../shared/ids';
import { browserPush } from '../../common/push/browserPush';
import { browserStorage } from '../../common/store/keyValueStorage';
import { TrackNotifier, type NotifyStatus } from './trackNotifier';

/** "Notify me" for this tracking link: its state, and the notifier whose commands change it. */
export function useNotifyMe(token: TrackingToken): { readonly status: NotifyStatus; readonly notifier: TrackNotifier } {
  const [notifier] = useState(() => new TrackNotifier(token, browserPush(), browserStorage()));
  useEffect(() => void notifier.recheck(), [notifier]);
  const status = useSyncExternalStore(notifier.subscribe, notifier.getSnapshot);
  return { status, notifier };
}
