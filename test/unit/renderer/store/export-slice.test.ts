import { describe, expect, it } from 'vitest';
import { choicesToSend } from '../../../../renderer/store/export-slice';

describe('choicesToSend', () => {
  it('sends the agreement number only for models that use it, trimmed', () => {
    expect(choicesToSend({ billingModel: 'Capacity', targetCloud: 'AzureCloud', agreementNumber: ' EA-1 ', msAssetTag: '' })).toEqual({
      billingModel: 'Capacity',
      targetCloud: 'AzureCloud',
      agreementNumber: 'EA-1',
    });
    expect(choicesToSend({ billingModel: 'Development', targetCloud: 'AzureCloud', agreementNumber: 'EA-1', msAssetTag: 'T' })).toEqual({
      billingModel: 'Development',
      targetCloud: 'AzureCloud',
    });
  });
  it('keeps the asset tag for Custom, and for Capacity (Ruggedized stamps)', () => {
    expect(choicesToSend({ billingModel: 'Custom', targetCloud: 'AzureUSGovernment', msAssetTag: 'TAG' })).toMatchObject({ msAssetTag: 'TAG' });
    expect(choicesToSend({ billingModel: 'Capacity', targetCloud: 'AzureCloud', agreementNumber: 'EA', msAssetTag: 'TAG' })).toMatchObject({
      agreementNumber: 'EA',
      msAssetTag: 'TAG',
    });
  });
});
