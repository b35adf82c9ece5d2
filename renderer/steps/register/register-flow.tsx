import { canAdvance, FLOW_STEPS, nextStep, previousStep } from '../../../shared/domain/flow';
import type { RegisterStep as Step } from '../../../shared/domain/flow';
import { BusyNote } from '../../components/busy-note';
import { NavButtons } from '../../components/nav-buttons';
import { ScopeProblem } from '../../components/scope-problem';
import { StepHeader } from '../../components/step-header';
import { Stepper } from '../../components/stepper';
import { appStore, useApp } from '../../store';
import { outcomeOf } from '../outcome';
import { nameProblems } from './name-errors';
import { NamesStep } from './names-step';
import { PermissionsStep } from './permissions-step';
import { RegisterDoneStep } from './register-done-step';
import { REGISTER_META } from './register-meta';
import { RegisterStep } from './register-step';
import { SaveKeyStep } from './save-key-step';
import { SignInStep } from './sign-in-step';
import { SubscriptionStep } from './subscription-step';
import { TokenStep } from './token-step';

const TITLES = Object.fromEntries(Object.entries(REGISTER_META).map(([k, m]) => [k, m.title])) as Record<Step, string>;

function Body({ step }: { step: Step }) {
  switch (step) {
    case 'sign-in':
      return <SignInStep />;
    case 'subscription':
      return <SubscriptionStep />;
    case 'token':
      return <TokenStep />;
    case 'names':
      return <NamesStep />;
    case 'permissions':
      return <PermissionsStep />;
    case 'register':
      return <RegisterStep />;
    case 'save':
      return <SaveKeyStep />;
    case 'done':
      return <RegisterDoneStep />;
  }
}

const KEY_STAGES = new Set(['key-issued', 'key-saved']);

/** Connected host: register the token in Azure and bring back the activation key. */
export function RegisterFlow() {
  const reg = useApp((s) => s.reg);
  const op = useApp((s) => (s.reg.operationId ? s.ops[s.reg.operationId] : undefined));
  const stage = useApp((s) => s.handoffs.find((h) => h.id === s.reg.handoffId)?.stage);
  const step = reg.step;
  const gate = canAdvance('register', step, {
    signedIn: reg.account !== undefined,
    subscriptionChosen: reg.subscriptionId !== undefined,
    tokenLoaded: reg.handoffId !== undefined,
    tokenConfirmed: reg.tokenConfirmed,
    nameErrors: Object.values(nameProblems(reg, reg.locations)),
    permissionsOk: reg.permissions?.ok === true,
    registered: outcomeOf(op, 'azure.register') !== undefined || (stage !== undefined && KEY_STAGES.has(stage)),
    keySaved: reg.saved !== undefined,
  });
  const go = appStore.getState().goRegister;
  const meta = REGISTER_META[step];
  return (
    <div className="flow" data-testid="register-flow">
      <Stepper steps={FLOW_STEPS.register} current={step} titles={TITLES} label="Register steps" />
      <section key={step} className="step" aria-labelledby="step-title" data-step={step}>
        <StepHeader id="step-title" title={meta.title} what={meta.what} replaces={meta.replaces} />
        <ScopeProblem scope="register" />
        <Body step={step} />
        <BusyNote scope="register" />
        <NavButtons
          gate={gate}
          onBack={step === 'sign-in' ? undefined : () => go(previousStep('register', step))}
          onNext={step === 'done' ? undefined : () => go(nextStep('register', step))}
        />
      </section>
    </div>
  );
}
