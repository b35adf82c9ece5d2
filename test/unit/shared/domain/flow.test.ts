import { describe, expect, it } from 'vitest';
import { canAdvance, FLOW_STEPS, flowView, nextStep, previousStep } from '../../../../shared/domain/flow';
import type { ActivateFacts, ExportFacts, RegisterFacts } from '../../../../shared/domain/flow';

const exportFacts: ExportFacts = { preflightRan: true, connected: true, planErrors: [], tokenCreated: true, tokenSaved: true };
const registerFacts: RegisterFacts = {
  signedIn: true,
  subscriptionChosen: true,
  tokenLoaded: true,
  tokenConfirmed: true,
  nameErrors: [],
  permissionsOk: true,
  registered: true,
  keySaved: true,
};
const activateFacts: ActivateFacts = { connected: true, keyLoaded: true, keyMatchesStamp: true, keyExpired: false, activated: true };

describe('step order', () => {
  it('walks each flow forward and back, stopping at the ends', () => {
    expect(nextStep('export', 'billing')).toBe('generate');
    expect(previousStep('export', 'billing')).toBe('stamp');
    expect(previousStep('register', 'sign-in')).toBe('sign-in');
    expect(nextStep('activate', 'done')).toBe('done');
    for (const flow of ['export', 'register', 'activate'] as const) {
      const steps = FLOW_STEPS[flow] as readonly string[];
      expect(steps.at(-1)).toBe('done');
      expect(new Set(steps).size).toBe(steps.length);
    }
  });
});

describe('canAdvance', () => {
  it('lets every step but the last through when all facts hold', () => {
    for (const step of FLOW_STEPS.export) expect(canAdvance('export', step, exportFacts).ok).toBe(step !== 'done');
    for (const step of FLOW_STEPS.register) expect(canAdvance('register', step, registerFacts).ok).toBe(step !== 'done');
    for (const step of FLOW_STEPS.activate) expect(canAdvance('activate', step, activateFacts).ok).toBe(step !== 'done');
  });

  it('blocks billing with the first plan error as the reason', () => {
    const gate = canAdvance('export', 'billing', { ...exportFacts, planErrors: ['Agreement number is empty.', 'Other.'] });
    expect(gate).toEqual({ ok: false, reason: 'Agreement number is empty.' });
  });

  it('blocks the stamp steps without a PEP session', () => {
    expect(canAdvance('export', 'connect', { ...exportFacts, connected: false }).ok).toBe(false);
    expect(canAdvance('export', 'stamp', { ...exportFacts, connected: false }).ok).toBe(false);
    expect(canAdvance('activate', 'connect', { ...activateFacts, connected: false }).ok).toBe(false);
  });

  it('asks for the fingerprint confirmation after the token is loaded', () => {
    const notLoaded = canAdvance('register', 'token', { ...registerFacts, tokenLoaded: false, tokenConfirmed: false });
    const notConfirmed = canAdvance('register', 'token', { ...registerFacts, tokenConfirmed: false });
    expect(notLoaded.ok || notLoaded.reason).toMatch(/gate.importToken/);
    expect(notConfirmed.ok || notConfirmed.reason).toMatch(/gate.confirmToken/);
  });

  it('refuses a key for another stamp or an expired key, not an unchecked one', () => {
    expect(canAdvance('activate', 'key', { ...activateFacts, keyMatchesStamp: false }).ok).toBe(false);
    expect(canAdvance('activate', 'key', { ...activateFacts, keyExpired: true }).ok).toBe(false);
    expect(canAdvance('activate', 'key', { ...activateFacts, keyMatchesStamp: undefined }).ok).toBe(true);
    expect(canAdvance('activate', 'key', { ...activateFacts, keyLoaded: false }).ok).toBe(false);
  });

  it('blocks names with invalid values and registration without permissions', () => {
    expect(canAdvance('register', 'names', { ...registerFacts, nameErrors: ['Bad name.'] })).toEqual({ ok: false, reason: 'Bad name.' });
    expect(canAdvance('register', 'permissions', { ...registerFacts, permissionsOk: false }).ok).toBe(false);
  });
});

describe('flowView', () => {
  const facts: RegisterFacts = { ...registerFacts, registered: false, keySaved: false };

  it('marks the steps before the current one done while their facts hold', () => {
    const view = flowView('register', 'register', facts);
    expect(view.done).toEqual([true, true, true, true, true, false, false, false]);
    expect(view.lost).toBeUndefined();
    expect(view.gate).toEqual({ ok: false, reason: 'gate.register' });
  });

  it('a lost fact takes the ✓ from its step and every later one, and shuts the gate with its reason', () => {
    const view = flowView('register', 'permissions', { ...facts, signedIn: false });
    expect(view.done).toEqual([false, false, false, false, false, false, false, false]);
    expect(view.lost).toBe('sign-in');
    expect(view.gate).toEqual({ ok: false, reason: 'gate.signIn' });
  });

  it('a lost fact after the current step changes nothing', () => {
    expect(flowView('register', 'sign-in', { ...facts, tokenLoaded: false }).gate).toEqual({ ok: true });
  });
});
