import { z } from 'zod';
import type { StampInfo } from '../../shared/domain/types';

// Get-AzureStackStampInformation output after the host's normalisation, tolerant of what Windows
// PowerShell 5.1 still lets through: `{ value: … }` wrappers on strings (ETS notes), numbers sent as
// strings, `\/Date(…)\/` values, differing key case. Only CloudID and StampVersion are required.

const unwrap = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && 'value' in v ? (v as { value: unknown }).value : v;

const Text = z.preprocess(unwrap, z.union([z.string(), z.number()]).transform((v) => String(v).trim()));
const OptionalText = Text.optional().catch(undefined).transform((v) => (v === '' ? undefined : v));
const Count = z.preprocess(unwrap, z.coerce.number().int().nonnegative()).optional().catch(undefined);
const Addresses = z
  .preprocess(
    (v) => (typeof unwrap(v) === 'string' ? String(unwrap(v)).split(/[,;\s]+/) : v),
    z.array(Text),
  )
  .catch([])
  .transform((list) => list.filter((a) => a !== ''));

const Normalised = z.object({
  cloudid: Text.pipe(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)),
  stampversion: Text.pipe(z.string().regex(/^\d+\.\d+\.\d+\.\d+$/)),
  deploymentid: OptionalText,
  oemversion: OptionalText,
  regionname: OptionalText,
  externaldomainfqdn: OptionalText,
  domainfqdn: OptionalText,
  domainnetbiosname: OptionalText,
  numberofnodes: Count,
  identitysystem: OptionalText,
  aadtenantid: OptionalText,
  aadtenantname: OptionalText,
  emergencyconsoleipaddresses: Addresses.optional().transform((v) => v ?? []),
});

const lowerKeys = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), x])) : v;

type StampInfoParse = { ok: true; value: StampInfo } | { ok: false; issues: string };

export const parseStampInfo = (raw: unknown): StampInfoParse => {
  const parsed = Normalised.safeParse(lowerKeys(raw));
  if (!parsed.success) return { ok: false, issues: z.prettifyError(parsed.error) };
  const s = parsed.data;
  const info: StampInfo = {
    cloudId: s.cloudid,
    stampVersion: s.stampversion,
    emergencyConsoleIpAddresses: s.emergencyconsoleipaddresses,
  };
  const optional: [keyof StampInfo, string | number | undefined][] = [
    ['deploymentId', s.deploymentid],
    ['oemVersion', s.oemversion],
    ['regionName', s.regionname],
    ['externalDomainFqdn', s.externaldomainfqdn],
    ['domainFqdn', s.domainfqdn],
    ['domainNetBiosName', s.domainnetbiosname],
    ['numberOfNodes', s.numberofnodes],
    ['identitySystem', s.identitysystem],
    ['aadTenantId', s.aadtenantid],
    ['aadTenantName', s.aadtenantname],
  ];
  for (const [key, value] of optional) if (value !== undefined) Object.assign(info, { [key]: value });
  return { ok: true, value: info };
};
