import { flowView } from '../../../shared/domain/flow';
import type { ExportStep } from '../../../shared/domain/flow';
import { FlowFrame } from '../../components/flow-frame';
import { PendingPurpose } from '../lifecycle/pending-purpose';
import { appStore, useApp } from '../../store';
import { BillingStep } from './billing-step';
import { ConnectStep } from './connect-step';
import { EXPORT_META } from './export-meta';
import { ExportDoneStep } from './export-done-step';
import { GenerateStep } from './generate-step';
import { PreflightStep } from './preflight-step';
import { SaveTokenStep } from './save-token-step';
import { StampStep } from './stamp-step';
import { useTokenPlan } from './use-token-plan';

const SCOPES = ['stamp', 'export'] as const;

function Body({ step }: { step: ExportStep }) {
  const go = appStore.getState().goExport;
  switch (step) {
    case 'preflight':
      return <PreflightStep />;
    case 'connect':
      return <ConnectStep onConnected={() => go('stamp')} />;
    case 'stamp':
      return <StampStep />;
    case 'billing':
      return <BillingStep />;
    case 'generate':
      return <GenerateStep />;
    case 'save':
      return <SaveTokenStep />;
    case 'done':
      return <ExportDoneStep />;
  }
}

/** Stamp side, first leg: export the registration token to the USB stick. */
export function ExportFlow() {
  const step = useApp((s) => s.exp.step);
  const plan = useTokenPlan();
  const tokenCreated = useApp((s) => s.exp.handoffId !== undefined);
  const connected = useApp((s) => s.stamp.sessionId !== undefined);
  // Once the token exists, the checks and the session that made it stay done (the session may be closed).
  const view = flowView('export', step, {
    preflightRan: useApp((s) => s.stamp.preflight !== undefined) || connected || tokenCreated,
    connected: connected || tokenCreated,
    planErrors: tokenCreated ? [] : plan ? plan.errors : ['gate.connectPep'],
    tokenCreated,
    tokenSaved: useApp((s) => s.exp.saved !== undefined),
  });
  return (
    <FlowFrame
      flow="export"
      step={step}
      meta={EXPORT_META}
      scopes={SCOPES}
      view={view}
      go={appStore.getState().goExport}
    >
      <PendingPurpose />
      <Body step={step} />
    </FlowFrame>
  );
}
