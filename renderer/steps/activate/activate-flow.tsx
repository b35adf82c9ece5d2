import { flowView } from '../../../shared/domain/flow';
import type { ActivateStep } from '../../../shared/domain/flow';
import { FlowFrame } from '../../components/flow-frame';
import { appStore, useApp } from '../../store';
import { stampActivated } from '../../store/reconcile';
import { ActivateConnectStep } from './activate-connect-step';
import { ActivateDoneStep } from './activate-done-step';
import { ACTIVATE_META } from './activate-meta';
import { ActivationStep } from './activation-step';
import { KeyStep } from './key-step';

const SCOPES = ['stamp', 'activate'] as const;

function Body({ step }: { step: ActivateStep }) {
  switch (step) {
    case 'connect':
      return <ActivateConnectStep onConnected={() => appStore.getState().goActivate('key')} />;
    case 'key':
      return <KeyStep />;
    case 'activate':
      return <ActivationStep />;
    case 'done':
      return <ActivateDoneStep />;
  }
}

/** Stamp side, last leg: activate the stamp with the key from Azure. */
export function ActivateFlow() {
  const step = useApp((s) => s.act.step);
  const key = useApp((s) => s.act.key);
  const activated = useApp(stampActivated);
  const view = flowView('activate', step, {
    connected: useApp((s) => s.stamp.sessionId !== undefined) || activated,
    keyLoaded: key !== undefined || activated,
    keyMatchesStamp: key?.match.matchesStamp,
    keyExpired: key?.match.expired ?? false,
    activated,
  });
  return (
    <FlowFrame
      flow="activate"
      step={step}
      meta={ACTIVATE_META}
      scopes={SCOPES}
      view={view}
      go={appStore.getState().goActivate}
    >
      <Body step={step} />
    </FlowFrame>
  );
}
