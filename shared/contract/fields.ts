import * as z from 'zod/mini';
import { BILLING_MODELS, CLOUD_NAMES } from '../domain/types';

// Field schemas the renderer checks input with too, written with zod/mini: its functions are tree-shaken,
// so the renderer ships only the checks it uses (classic zod, with every method on every schema, would
// cost the window 24 KB gzipped). Main's request schemas (schemas.ts, classic zod) embed them as they are.
// The renderer imports this module, choices.ts and events.ts directly, never the contract's index (eslint).

export const Guid = z.string().check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a GUID'));

/** Azure resource names: registrations and resource groups. */
export const RegistrationName = z.string().check(z.minLength(1), z.maxLength(90), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.()-]*$/, 'letters, digits, - _ . ( ) only'));
export const ResourceGroupName = z
  .string()
  .check(z.minLength(1), z.maxLength(90), z.regex(/^[-\w.()]*[-\w()]$/u, 'letters, digits, - _ . ( ), not ending with a dot'));

export const TokenChoicesSchema = z.object({
  billingModel: z.enum(BILLING_MODELS),
  agreementNumber: z.optional(z.string().check(z.maxLength(64))),
  msAssetTag: z.optional(z.string().check(z.maxLength(64))),
  usageReportingEnabled: z.optional(z.boolean()),
  marketplaceSyndicationEnabled: z.optional(z.boolean()),
  targetCloud: z.enum(CLOUD_NAMES),
  tokenVersion: z.optional(z.enum(['3.0', '4.0', '6.0'])),
});

/** The registration a connected re-run starts from (change, renewal, scale). */
export const PreviousRegistrationSchema = z.strictObject({
  registrationName: RegistrationName,
  resourceGroup: ResourceGroupName,
  expired: z.optional(z.boolean()),
  deletedFirst: z.optional(z.boolean()),
});

const TenantDomain = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/, 'must be a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com'),
  );

/**
 * The public client used to sign in to Azure. No client ID: the Azure CLI's first-party client. An organisation's
 * own app registration: its application (client) ID and, for a single-tenant app, its tenant (GUID or domain).
 */
export const SignInClientSchema = z.strictObject({
  clientId: z.optional(Guid),
  tenant: z.optional(z.union([Guid, TenantDomain])),
});
export type SignInClient = z.infer<typeof SignInClientSchema>;
