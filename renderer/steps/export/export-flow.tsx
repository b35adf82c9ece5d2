import { canAdvance, FLOW_STEPS, nextStep, previousStep } from '../../../shared/domain/flow';
import type { ExportStep } from '../../../shared/domain/flow';
import { BusyNote } from '../../components/busy-note';
import { NavButtons } from '../../components/nav-buttons';
import { ScopeProblem } from '../../components/scope-problem';
import { StepHeader } from '../../components/step-header';
import { Stepper } from '../../components/stepper';
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

const TITLES = Object.fromEntries(Object.entries(EXPORT_META).map(([k, m]) => [k, m.title])) as Record<ExportStep, string>;

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
  const gate = canAdvance('export', step, {
    preflightRan: useApp((s) => s.stamp.preflight !== undefined),
    connected: useApp((s) => s.stamp.sessionId !== undefined),
    planErrors: plan ? plan.errors : ['Connect to the privileged endpoint first.'],
    tokenCreated: useApp((s) => s.exp.handoffId !== undefined),
    tokenSaved: useApp((s) => s.exp.saved !== undefined),
  });
  const go = appStore.getState().goExport;
  const meta = EXPORT_META[step];
  return (
    <div className="flow" data-testid="export-flow">
      <Stepper steps={FLOW_STEPS.export} current={step} titles={TITLES} label="Export token steps" />
      <section key={step} className="step" aria-labelledby="step-title" data-step={step}>
        <StepHeader id="step-title" title={meta.title} what={meta.what} replaces={meta.replaces} />
        <ScopeProblem scope="stamp" />
        <ScopeProblem scope="export" />
        <Body step={step} />
        <BusyNote scope="stamp" />
        <BusyNote scope="export" />
        <NavButtons
          gate={gate}
          onBack={step === 'preflight' ? undefined : () => go(previousStep('export', step))}
          onNext={step === 'done' ? undefined : () => go(nextStep('export', step))}
        />
      </section>
    </div>
  );
}
