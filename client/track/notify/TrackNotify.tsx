import type { TrackingToken } from '../../../shared/ids';
import { NotifyMe } from './NotifyMe';
import { useNotifyMe } from './useNotifyMe';

/** "Notify me" for the order on screen; gone once the order is finished, when there is nothing left to hear. */
export function TrackNotify({ token, finished }: { readonly token: TrackingToken; readonly finished: boolean }) {
  const { status, notifier } = useNotifyMe(token);
  if (finished) return null;
  return <NotifyMe status={status} onTurnOn={() => void notifier.turnOn()} onTurnOff={() => void notifier.turnOff()} />;
}
