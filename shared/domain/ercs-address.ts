import * as z from 'zod/mini';
import { said } from '../contract/said';
import type { Said } from '../contract/said';

// ERCS (privileged endpoint) addresses as the operator types them: an IPv4 address, an IPv6 address or
// a DNS host name. Anything else is refused where it enters (the IPC schema and the connect form), so a
// mistyped address never reaches WinRM or the TrustedHosts command the pre-flight suggests.

const IPV6 = z.ipv6();
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

const ipv4Problem = (address: string): Said | undefined => {
  const octets = address.split('.');
  if (octets.length !== 4) {
    return said('ercs.ipv4-parts', `"${address}" is not an IPv4 address: it needs four numbers separated by dots, like 10.0.0.224.`, { address });
  }
  const bad = octets.find((o) => o === '' || Number(o) > 255 || (o.length > 1 && o.startsWith('0')));
  if (bad === undefined) return undefined;
  const must = `"${address}" is not an IPv4 address: each of the four numbers must be 0 to 255`;
  return bad === '' ? said('ercs.ipv4-empty', `${must} (one is empty).`, { address }) : said('ercs.ipv4-range', `${must} (${bad} is not).`, { address, number: bad });
};

/** Why this is not an ERCS address (IPv4, IPv6 or host name), or undefined when it is one. */
export const ercsAddressProblem = (raw: string): Said | undefined => {
  const address = raw.trim();
  if (address === '') return said('ercs.empty', 'Enter an ERCS address.');
  if (/^[\d.]+$/.test(address)) return ipv4Problem(address);
  if (address.includes(':')) return IPV6.safeParse(address).success ? undefined : said('ercs.ipv6', `"${address}" is not an IPv6 address.`, { address });
  const labels = address.split('.');
  if (address.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return said('ercs.host-name', `"${address}" is not a host name: use letters, digits and hyphens between dots, or an IP address such as 10.0.0.224.`, { address });
  }
  return undefined;
};
