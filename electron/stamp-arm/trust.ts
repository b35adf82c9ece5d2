import { getCACertificates } from 'node:tls';

// What a live client trusts for the stamp's TLS: Node's bundled roots plus this computer's own
// certificate store (on Windows, Trusted Root Certification Authorities), so a stamp whose
// certificates chain to the organisation's internal CA works once that CA is trusted by Windows, as
// the stamp's own PowerShell tools require. Nothing here turns certificate checks off.
export const systemTrust = (): string => [...new Set([...getCACertificates('default'), ...getCACertificates('system')])].join('\n');
