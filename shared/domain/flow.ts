import type { Said } from '../contract/said';

// The three legs of a disconnected registration, as ordered steps. Pure: the renderer keeps the
// facts, this file decides the order and whether the operator may move on.

export const FLOW_STEPS = {
  /** Stamp side: export a registration token to the USB stick. */
  export: ['preflight', 'connect', 'stamp', 'billing', 'generate', 'save', 'done'],
  /** Connected host: register the token in Azure and bring back an activation key. */
  register: ['sign-in', 'subscription', 'token', 'names', 'permissions', 'register', 'save', 'done'],
  /** Stamp side: activate the stamp with the key. */
  activate: ['connect', 'key', 'activate', 'done'],
} as const;

export type FlowId = keyof typeof FLOW_STEPS;
export type StepOf<F extends FlowId> = (typeof FLOW_STEPS)[F][number];
export type ExportStep = StepOf<'export'>;
export type RegisterStep = StepOf<'register'>;
export type ActivateStep = StepOf<'activate'>;

const at = <F extends FlowId>(flow: F, step: StepOf<F>, delta: number): StepOf<F> => {
  const steps = FLOW_STEPS[flow] as readonly StepOf<F>[];
  const i = steps.indexOf(step) + delta;
  return steps[Math.min(Math.max(i, 0), steps.length - 1)] as StepOf<F>;
};
export const nextStep = <F extends FlowId>(flow: F, step: StepOf<F>): StepOf<F> => at(flow, step, 1);
export const previousStep = <F extends FlowId>(flow: F, step: StepOf<F>): StepOf<F> => at(flow, step, -1);

/** What the renderer knows on the stamp side while exporting. */
export type ExportFacts = {
  preflightRan: boolean;
  connected: boolean;
  /** Blocking errors from the token plan (missing agreement number …), or a catalogue key (`gate.*`). */
  planErrors: (Said | string)[];
  tokenCreated: boolean;
  tokenSaved: boolean;
};

export type RegisterFacts = {
  signedIn: boolean;
  subscriptionChosen: boolean;
  tokenLoaded: boolean;
  /** The operator compared the fingerprint with the one the stamp showed. */
  tokenConfirmed: boolean;
  /** Validation messages for registration name, resource group, location. */
  nameErrors: string[];
  permissionsOk: boolean;
  registered: boolean;
  keySaved: boolean;
};

export type ActivateFacts = {
  connected: boolean;
  keyLoaded: boolean;
  /** From KeyMatch: false when the key is for another stamp. */
  keyMatchesStamp: boolean | undefined;
  keyExpired: boolean;
  activated: boolean;
};

/**
 * Why the operator cannot continue yet; `ok` when they can. `reason` is a catalogue key (`gate.*`)
 * the renderer translates, or a sentence passed through from the billing rules.
 */
export type Gate = { ok: true } | { ok: false; reason: string | Said };

const open: Gate = { ok: true };
const shut = (reason: string | Said): Gate => ({ ok: false, reason });
const when = (cond: boolean, reason: string): Gate => (cond ? open : shut(reason));

const exportGate = (step: ExportStep, f: ExportFacts): Gate => {
  switch (step) {
    case 'preflight':
      return when(f.preflightRan, 'gate.runPreflight');
    case 'connect':
    case 'stamp':
      return when(f.connected, 'gate.connectPep');
    case 'billing':
      return f.planErrors.length === 0 ? open : shut(f.planErrors[0] ?? 'gate.billing');
    case 'generate':
      return when(f.tokenCreated, 'gate.generateToken');
    case 'save':
      return when(f.tokenSaved, 'gate.saveToken');
    case 'done':
      return shut('gate.lastStep');
  }
};

const registerGate = (step: RegisterStep, f: RegisterFacts): Gate => {
  switch (step) {
    case 'sign-in':
      return when(f.signedIn, 'gate.signIn');
    case 'subscription':
      return when(f.subscriptionChosen, 'gate.subscription');
    case 'token':
      if (!f.tokenLoaded) return shut('gate.importToken');
      return when(f.tokenConfirmed, 'gate.confirmToken');
    case 'names':
      return f.nameErrors.length === 0 ? open : shut(f.nameErrors[0] ?? 'gate.names');
    case 'permissions':
      return when(f.permissionsOk, 'gate.permissions');
    case 'register':
      return when(f.registered, 'gate.register');
    case 'save':
      return when(f.keySaved, 'gate.saveKey');
    case 'done':
      return shut('gate.lastStep');
  }
};

const activateGate = (step: ActivateStep, f: ActivateFacts): Gate => {
  switch (step) {
    case 'connect':
      return when(f.connected, 'gate.connectPep');
    case 'key':
      if (!f.keyLoaded) return shut('gate.importKey');
      if (f.keyMatchesStamp === false) return shut('gate.keyOtherStamp');
      return when(!f.keyExpired, 'gate.keyExpired');
    case 'activate':
      return when(f.activated, 'gate.activate');
    case 'done':
      return shut('gate.lastStep');
  }
};

export function canAdvance(flow: 'export', step: ExportStep, facts: ExportFacts): Gate;
export function canAdvance(flow: 'register', step: RegisterStep, facts: RegisterFacts): Gate;
export function canAdvance(flow: 'activate', step: ActivateStep, facts: ActivateFacts): Gate;
export function canAdvance(flow: FlowId, step: string, facts: ExportFacts | RegisterFacts | ActivateFacts): Gate {
  if (flow === 'export') return exportGate(step as ExportStep, facts as ExportFacts);
  if (flow === 'register') return registerGate(step as RegisterStep, facts as RegisterFacts);
  return activateGate(step as ActivateStep, facts as ActivateFacts);
}

type FactsOf<F extends FlowId> = F extends 'export' ? ExportFacts : F extends 'register' ? RegisterFacts : ActivateFacts;

export type FlowView<F extends FlowId> = {
  /** Whether the operator may continue from the current step. */
  gate: Gate;
  /** Steps before the current one whose facts still hold (the stepper's ✓). */
  done: readonly boolean[];
  /** The earliest step before the current one whose facts no longer hold (signed out, hand-off closed …). */
  lost?: StepOf<F>;
};

/**
 * Where a flow stands, from the facts alone: a step before the current one counts as done only while
 * its facts still hold, and no one continues past a step whose facts were lost.
 */
export const flowView = <F extends FlowId>(flow: F, current: StepOf<F>, facts: FactsOf<F>): FlowView<F> => {
  const steps = FLOW_STEPS[flow] as readonly StepOf<F>[];
  const at = steps.indexOf(current);
  const gates = steps.map((step) => canAdvance(flow as never, step as never, facts as never) as Gate);
  const lostAt = gates.findIndex((g, i) => i < at && !g.ok);
  const lostGate = lostAt === -1 ? undefined : gates[lostAt];
  return {
    gate: lostGate ?? gates[at] ?? open,
    done: steps.map((_, i) => i < at && (lostAt === -1 || i < lostAt)),
    ...(lostAt === -1 ? {} : { lost: steps[lostAt] }),
  };
};
