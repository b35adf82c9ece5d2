import { canAdvance, FLOW_STEPS, nextStep, previousStep } from '../../../shared/domain/flow';
import type { ActivateStep } from '../../../shared/domain/flow';
import { BusyNote } from '../../components/busy-note';
import { NavButtons } from '../../components/nav-buttons';
import { ScopeProblem } from '../../components/scope-problem';
import { StepHeader } from '../../components/step-header';
import { Stepper } from '../../components/stepper';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { ActivateConnectStep } from './activate-connect-step';
import { ActivateDoneStep } from './activate-done-step';
import { ACTIVATE_META } from './activate-meta';
import { ActivationStep } from './activation-step';
import { KeyStep } from './key-step';

const TITLES = Object.fromEntries(Object.entries(ACTIVATE_META).map(([k, m]) => [k, m.title])) as Record<ActivateStep, string>;

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
  const op = useApp((s) => (s.act.operationId ? s.ops[s.act.operationId] : undefined));
  const stage = useApp((s) => s.handoffs.find((h) => h.id === s.act.handoffId)?.stage);
  const gate = canAdvance('activate', step, {
    connected: useApp((s) => s.stamp.sessionId !== undefined),
    keyLoaded: key !== undefined,
    keyMatchesStamp: key?.match.matchesStamp,
    keyExpired: key?.match.expired ?? false,
    activated: outcomeOf(op, 'stamp.activate') !== undefined || stage === 'activated',
  });
  const go = appStore.getState().goActivate;
  const meta = ACTIVATE_META[step];
  return (
    <div className="flow" data-testid="activate-flow">
      <Stepper steps={FLOW_STEPS.activate} current={step} titles={TITLES} label="Activate steps" />
      <section key={step} className="step" aria-labelledby="step-title" data-step={step}>
        <StepHeader id="step-title" title={meta.title} what={meta.what} replaces={meta.replaces} />
        <ScopeProblem scope="stamp" />
        <ScopeProblem scope="activate" />
        <Body step={step} />
        <BusyNote scope="stamp" />
        <BusyNote scope="activate" />
        <NavButtons
          gate={gate}
          onBack={step === 'connect' ? undefined : () => go(previousStep('activate', step))}
          onNext={step === 'done' ? undefined : () => go(nextStep('activate', step))}
        />
      </section>
    </div>
  );
}
