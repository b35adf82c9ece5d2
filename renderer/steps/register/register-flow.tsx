import { flowView } from '../../../shared/domain/flow';
import type { RegisterStep as Step } from '../../../shared/domain/flow';
import { FlowFrame } from '../../components/flow-frame';
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

const SCOPES = ['register'] as const;

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
  const registered = outcomeOf(op, 'azure.register') !== undefined || (stage !== undefined && KEY_STAGES.has(stage));
  // Before the registration every step needs Azure; once the key exists, signing out loses nothing.
  const view = flowView('register', step, {
    signedIn: reg.account !== undefined || registered,
    subscriptionChosen: reg.subscriptionId !== undefined,
    tokenLoaded: reg.handoffId !== undefined,
    tokenConfirmed: reg.tokenConfirmed,
    nameErrors: Object.keys(nameProblems(reg, reg.locations)).length > 0 ? ['gate.names'] : [],
    permissionsOk: reg.permissions?.ok === true || registered,
    registered,
    keySaved: reg.saved !== undefined,
  });
  return (
    <FlowFrame
      flow="register"
      step={step}
      meta={REGISTER_META}
      scopes={SCOPES}
      view={view}
      go={appStore.getState().goRegister}
    >
      <Body step={step} />
    </FlowFrame>
  );
}
