import { AppError, isAppError } from '../../shared/contract/problems';

// Failures of the stamp's admin Resource Manager in operator words: which of the network, the
// certificate, the directory or the account it is, and what to do about it.

const SERVICE = "The stamp's admin Resource Manager";

/** Node's words for a certificate chain this computer does not trust (or that does not fit the host). */
const CERTIFICATE =
  /\b(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_GET_ISSUER_CERT|CERT_UNTRUSTED|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_SIGNATURE_FAILURE|ERR_TLS_CERT_ALTNAME_INVALID)\b/;

const textOf = (err: unknown): string => {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const cause = typeof e.cause === 'object' && e.cause !== null ? ` ${textOf(e.cause)}` : '';
  return `${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : ''}${cause}`;
};

export const certificateUntrusted = (host: string, reason: string): AppError =>
  new AppError('stamp-arm-certificate', `${SERVICE} (${host}) presented a certificate this computer does not trust (${reason}). Stamps usually use certificates from the organisation's own certificate authority.`, {
    action:
      "Import the stamp's root CA certificate into this computer's Trusted Root Certification Authorities (certlm.msc, or Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root), then try again. AzS Registrar trusts what Windows trusts and never turns certificate checks off.",
    detail: reason,
  });

/** A failure to send or receive (no HTTP answer) while `step`. */
export const stampArmFailure = (err: unknown, host: string, step: string, signal?: AbortSignal): AppError => {
  if (isAppError(err)) {
    if (err.problem.code !== 'azure-network') return err;
    // The route policy's words name the proxy; the action is about the stamp's network.
    return new AppError('stamp-arm-unreachable', `${SERVICE} (${host}) could not be reached while ${step}: ${err.problem.detail ?? err.message}.`, {
      action: `Check the endpoint (https://adminmanagement.<region>.<external FQDN>, as the stamp information lists it) and that this computer reaches ${host} (DNS, firewall, the stamp's network), then try again.`,
      retryable: true,
      detail: err.message,
    });
  }
  if (signal?.aborted) return new AppError('cancelled', `Cancelled while ${step}.`, { retryable: true });
  const text = textOf(err);
  const certificate = CERTIFICATE.exec(text);
  if (certificate?.[1]) return certificateUntrusted(host, certificate[1]);
  return new AppError('stamp-arm-failed', `${SERVICE} (${host}) failed while ${step}.`, { action: 'Try again; if it keeps failing, check the stamp in the administrator portal.', retryable: true, detail: text.trim().slice(0, 2000) });
};

type Answer = { status: number; body: unknown; requestId?: string; text?: string };

const armError = (body: unknown): { code: string; message: string } => {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof e?.code === 'string' ? e.code : '', message: typeof e?.message === 'string' ? e.message : '' };
};

/** An HTTP answer that is not what `step` needed. */
export const stampArmAnswerError = (answer: Answer, host: string, step: string): AppError => {
  const { code, message } = armError(answer.body);
  const extra = { detail: `${answer.status} ${code}: ${message || (answer.text ?? '').slice(0, 500)}`, ...(answer.requestId ? { reference: answer.requestId } : {}) };
  if (answer.status === 401 && /InvalidAuthenticationTokenTenant|InvalidAuthenticationTokenAudience/i.test(code)) {
    return new AppError('stamp-arm-wrong-directory', `You signed in to a directory that is not the stamp's (${host} refused the token while ${step}).`, {
      action: "Sign in again to the stamp's own directory: its Azure AD tenant (AADTenantID in the stamp information, or the domain shown in the administrator portal's directory), not the directory of your Azure subscription.",
      ...extra,
    });
  }
  if (answer.status === 401) {
    return new AppError('stamp-arm-not-signed-in', `${SERVICE} (${host}) no longer accepts the sign-in (${code || 'HTTP 401'}).`, { action: "Sign in to the stamp's admin Resource Manager again.", ...extra });
  }
  if (answer.status === 403) {
    return new AppError('stamp-arm-forbidden', `This account is not an operator of the stamp: ${host} refused ${step} (${code || 'HTTP 403'}).`, {
      action: 'Sign in with an Azure Stack Hub operator account: an owner of the Default Provider Subscription (the account the administrator portal uses).',
      ...extra,
    });
  }
  return new AppError('stamp-arm-failed', `${SERVICE} (${host}) answered HTTP ${answer.status}${code ? ` (${code})` : ''} while ${step}.`, {
    action: 'Try again; if it keeps failing, check the stamp in the administrator portal.',
    retryable: answer.status >= 500,
    ...extra,
  });
};
