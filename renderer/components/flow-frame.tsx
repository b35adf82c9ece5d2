import type { ReactNode } from 'react';
import { FLOW_STEPS, nextStep, previousStep } from '../../shared/domain/flow';
import type { FlowId, FlowView, StepOf } from '../../shared/domain/flow';
import type { Scope } from '../store';
import { BusyNote } from './busy-note';
import { NavButtons } from './nav-buttons';
import { ScopeProblem } from './scope-problem';
import { StepHeader } from './step-header';
import { Stepper } from './stepper';

/** What a step shows above its body: its title, one sentence, and the PowerShell it replaces. */
export type StepMeta = { title: string; what: string; replaces?: string };

type Props<F extends FlowId> = {
  flow: F;
  step: StepOf<F>;
  meta: Record<StepOf<F>, StepMeta>;
  /** Accessible name of the stepper. */
  label: string;
  /** Store scopes whose problems and busy notes belong to this flow, in display order. */
  scopes: readonly Scope[];
  /** From `flowView`: the gate, the steps still done, and a step whose facts were lost. */
  view: FlowView<F>;
  go: (step: StepOf<F>) => void;
  children: ReactNode;
};

/** The frame every guided flow shares: stepper, step header, problems, busy notes and Back/Continue. */
export function FlowFrame<F extends FlowId>({ flow, step, meta, label, scopes, view, go, children }: Props<F>) {
  const steps = FLOW_STEPS[flow] as readonly StepOf<F>[];
  const titles = Object.fromEntries(steps.map((s) => [s, meta[s].title])) as Record<StepOf<F>, string>;
  const { title, what, replaces } = meta[step];
  return (
    <div className="flow" data-testid={`${flow}-flow`}>
      <Stepper steps={steps} current={step} done={view.done} titles={titles} label={label} go={go} />
      <section key={step} className="step" aria-labelledby="step-title" data-step={step}>
        <StepHeader id="step-title" title={title} what={what} replaces={replaces} />
        {scopes.map((scope) => (
          <ScopeProblem key={scope} scope={scope} />
        ))}
        {view.lost && (
          <div className="warn-box" data-testid="step-lost">
            <p>
              {view.gate.ok ? null : view.gate.reason} The step <strong>{meta[view.lost].title}</strong> has to be done again
              before you continue.
            </p>
            <button type="button" className="secondary" onClick={() => go(view.lost as StepOf<F>)}>
              Go back to {meta[view.lost].title}
            </button>
          </div>
        )}
        {children}
        {scopes.map((scope) => (
          <BusyNote key={scope} scope={scope} />
        ))}
        <NavButtons
          gate={view.gate}
          onBack={step === steps[0] ? undefined : () => go(previousStep(flow, step))}
          onNext={step === steps[steps.length - 1] ? undefined : () => go(nextStep(flow, step))}
        />
      </section>
    </div>
  );
}
