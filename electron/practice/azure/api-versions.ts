import { ArmError } from './arm-error';
import type { CloudName } from '../../../shared/domain/types';
import type { ApiFamily } from './router';

const SUPPORTED: Record<ApiFamily, readonly string[]> = {
  subscriptions: ['2016-06-01', '2019-11-01', '2020-01-01', '2021-01-01', '2022-01-01', '2022-12-01'],
  resources: [
    '2019-10-01', '2020-06-01', '2021-04-01', '2022-09-01', '2023-07-01',
    '2024-03-01', '2024-07-01', '2024-11-01', '2025-01-01', '2025-03-01', '2025-04-01',
  ],
  locks: ['2015-01-01', '2016-09-01', '2020-05-01'],
  authorization: ['2015-07-01', '2018-01-01-preview', '2020-04-01-preview', '2022-04-01'],
  azurestack: ['2017-06-01', '2020-06-01-preview', '2022-06-01'],
};

/**
 * The newest version each sovereign cloud serves per family, as the practice Azure models it: they
 * lag the public cloud, so an SDK default only AzureCloud serves is refused there, as it would be.
 * (An assumption for rehearsal; only the real clouds say which versions they serve today.)
 */
const SOVEREIGN_NEWEST: Record<ApiFamily, string> = {
  subscriptions: '2021-01-01',
  resources: '2022-09-01',
  locks: '2020-05-01',
  authorization: '2022-04-01',
  azurestack: '2022-06-01',
};

const servedIn = (family: ApiFamily, cloud: CloudName): readonly string[] =>
  cloud === 'AzureCloud' ? SUPPORTED[family] : SUPPORTED[family].filter((v) => v <= SOVEREIGN_NEWEST[family]);

/**
 * Validates `api-version` the way ARM does: missing, unknown to Microsoft.Resources, or unknown to the RP,
 * in the cloud the token is for. Without a family (no route matched) only its presence is checked.
 */
export const checkApiVersion = (family: ApiFamily | undefined, query: URLSearchParams, resourceType: string, cloud: CloudName = 'AzureCloud'): string => {
  const version = query.get('api-version');
  if (version === null || version === '') {
    throw new ArmError(
      400,
      'MissingApiVersionParameter',
      "The api-version query parameter (?api-version=) is required for all requests.",
    );
  }
  if (family === undefined) return version;
  const supported = servedIn(family, cloud);
  if (supported.includes(version)) return version;
  if (family === 'subscriptions' || family === 'resources') {
    throw new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${version}' is invalid. The supported versions are '${supported.join(',')}'.`,
    );
  }
  throw new ArmError(
    400,
    'NoRegisteredProviderFound',
    `No registered resource provider found for location 'global' and API version '${version}' for type ` +
      `'${resourceType}'. The supported api-versions are '${supported.join(', ')}'. ` +
      "The supported locations are 'global'.",
  );
};
