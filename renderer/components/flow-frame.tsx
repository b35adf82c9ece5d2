import type { ReactNode } from 'react';
import { FLOW_STEPS, nextStep, previousStep } from '../../shared/domain/flow';
import type { FlowId, FlowView, StepOf } from '../../shared/domain/flow';
import type { HelpTopic } from '../../shared/domain/help';
import { useTranslation } from '../i18n';
import type { Scope } from '../store';
import { BusyNote } from './busy-note';
import { gateReason, NavButtons } from './nav-buttons';
import { ScopeProblem } from './scope-problem';
import { StepHeader } from './step-header';
import { Stepper } from './stepper';

/**
 * The PowerShell a step replaces (code, not translated) and its Microsoft Learn section; its title and
 * sentence are `<flow>.steps.<step>.*`.
 */
export type StepMeta = { replaces?: string; help: HelpTopic };

type Props<F extends FlowId> = {
  flow: F;
  step: StepOf<F>;
  meta: Record<StepOf<F>, StepMeta>;
  /** Store scopes whose problems and busy notes belong to this flow, in display order. */
  scopes: readonly Scope[];
  /** From `flowView`: the gate, the steps still done, and a step whose facts were lost. */
  view: FlowView<F>;
  go: (step: StepOf<F>) => void;
  children: ReactNode;
};

/** The frame every guided flow shares: stepper, step header, problems, busy notes and Back/Continue. */
export function FlowFrame<F extends FlowId>({ flow, step, meta, scopes, view, go, children }: Props<F>) {
  const { t } = useTranslation();
  const steps = FLOW_STEPS[flow] as readonly StepOf<F>[];
  const text = (key: string): string => t(key);
  const title = (s: StepOf<F>) => text(`${flow}.steps.${s}.title`);
  const titles = Object.fromEntries(steps.map((s) => [s, title(s)])) as Record<StepOf<F>, string>;
  const { replaces, help } = meta[step];
  return (
    <div className="flow" data-testid={`${flow}-flow`}>
      <Stepper steps={steps} current={step} done={view.done} titles={titles} label={text(`${flow}.stepperLabel`)} go={go} />
      <section key={step} className="step" aria-labelledby="step-title" data-step={step}>
        <StepHeader id="step-title" title={title(step)} what={text(`${flow}.steps.${step}.what`)} replaces={replaces} help={help} />
        {scopes.map((scope) => (
          <ScopeProblem key={scope} scope={scope} />
        ))}
        {view.lost && (
          <div className="warn-box" data-testid="step-lost">
            <p>
              {view.gate.ok ? null : gateReason(t, view.gate.reason)} {t('flow.lost', { step: title(view.lost) })}
            </p>
            <button type="button" className="secondary" onClick={() => go(view.lost as StepOf<F>)}>
              {t('flow.goBackTo', { step: title(view.lost) })}
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
