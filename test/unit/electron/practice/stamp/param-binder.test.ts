import { describe, expect, it } from 'vitest';
import { bindParameters, type ParamSpec } from '../../../../../electron/practice/stamp/param-binder';

const SPECS: ParamSpec[] = [
  { name: 'TimeoutInSeconds', kind: 'int' },
  { name: 'TenantId', kind: 'string', mandatory: true },
  { name: 'Enabled', kind: 'bool' },
  { name: 'Mode', kind: 'string', set: ['Fast', 'Slow'] },
  { name: 'Future', kind: 'string', since: '1.2400.0.0' },
];

const bind = (params: Record<string, string | number | boolean>, version = '1.2406.0.8') =>
  bindParameters('Test-Cmdlet', SPECS, params, version);

describe('PowerShell parameter binding', () => {
  it('binds exact names, unique prefixes and common parameters, converting values like PowerShell', () => {
    expect(bind({ tenantid: 42, Time: '30', En: 1, mode: 'FAST', WarningAction: 'SilentlyContinue', Future: true })).toEqual({
      ok: true,
      values: { TenantId: '42', TimeoutInSeconds: 30, Enabled: true, Mode: 'Fast', Future: 'True' },
      common: { WarningAction: 'SilentlyContinue' },
    });
    expect(bind({ TenantId: 't', Enabled: 0, TimeoutInSeconds: true })).toMatchObject({
      ok: true,
      values: { Enabled: false, TimeoutInSeconds: 1 },
    });
  });

  it('reports an ambiguous prefix with the candidates', () => {
    expect(bind({ T: 'x' })).toMatchObject({
      ok: false,
      error: {
        message: "Parameter cannot be processed because the parameter name 'T' is ambiguous. Possible matches include: -TimeoutInSeconds -TenantId.",
        fqid: 'AmbiguousParameter,Test-Cmdlet',
      },
    });
  });

  it('hides parameters of later builds', () => {
    expect(bind({ TenantId: 't', Future: 'x' }, '1.2311.0.1')).toMatchObject({
      ok: false,
      error: { message: "A parameter cannot be found that matches parameter name 'Future'.", fqid: 'NamedParameterNotFound,Test-Cmdlet' },
    });
  });

  it('refuses an empty string for a mandatory parameter but allows it for an optional one', () => {
    expect(bind({ TenantId: '' })).toMatchObject({ ok: false, error: { message: "Cannot bind argument to parameter 'TenantId' because it is an empty string." } });
    expect(bind({ TenantId: 't', Future: '' })).toMatchObject({ ok: true, values: { Future: '' } });
  });

  it('refuses a string for a boolean and an empty string for an integer', () => {
    expect(bind({ TenantId: 't', Enabled: 'true' })).toMatchObject({
      ok: false,
      error: {
        message:
          'Cannot process argument transformation on parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
      },
    });
    expect(bind({ TenantId: 't', TimeoutInSeconds: ' ' })).toMatchObject({ ok: false, error: { fqid: 'ParameterArgumentTransformationError,Test-Cmdlet' } });
  });
});
