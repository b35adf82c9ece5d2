import { describe, expect, it } from 'vitest';
import { DEFAULT_PRACTICE_SCENARIO } from '../../../../shared/contract';
import { defaultSettings, forgetErcs, parseSavedState, rememberErcs, serializeSavedState } from '../../../../electron/settings';

describe('remembered ERCS addresses', () => {
  it('puts the latest set first, once, trimmed, and keeps five', () => {
    let list: string[][] = [];
    for (const n of [1, 2, 3, 4, 5, 6]) list = rememberErcs(list, [` 10.0.0.${n} `]);
    expect(list).toHaveLength(5);
    expect(list[0]).toEqual(['10.0.0.6']);
    list = rememberErcs(list, ['10.0.0.4']);
    expect(list.map((l) => l[0])).toEqual(['10.0.0.4', '10.0.0.6', '10.0.0.5', '10.0.0.3', '10.0.0.2']);
    expect(rememberErcs([['ERCS01.contoso.local']], ['ercs01.contoso.local', ''])).toEqual([['ercs01.contoso.local']]);
  });

  it('forgets one set or all', () => {
    const list = [['10.0.0.224', '10.0.0.225'], ['10.0.0.1']];
    expect(forgetErcs(list, ['10.0.0.224', '10.0.0.225'])).toEqual([['10.0.0.1']]);
    expect(forgetErcs(list)).toEqual([]);
  });

  it('survives settings.json per mode, and a damaged list for one mode does not cost the other', () => {
    const state = { mode: 'live' as const, settings: defaultSettings('win32'), practice: DEFAULT_PRACTICE_SCENARIO, recentErcs: { live: [['10.1.1.224']], practice: [['10.20.30.224']] } };
    expect(parseSavedState(JSON.parse(serializeSavedState(state)), 'win32').recentErcs).toEqual(state.recentErcs);
    const damaged = { ...JSON.parse(serializeSavedState(state)), recentErcs: { live: [['not an address!']], practice: [['10.20.30.224']] } };
    expect(parseSavedState(damaged, 'win32').recentErcs).toEqual({ practice: [['10.20.30.224']] });
    expect(serializeSavedState(state)).not.toMatch(/password|CloudAdmin/i);
  });
});
