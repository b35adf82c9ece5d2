import type { WorkstationLanguage as ClientLanguage } from '../../../shared/contract';
import type { HostError } from '../../pep/protocol';

// Error records as the real host serializes them (message, FullyQualifiedErrorId, category,
// reason, exception type), with the texts operators actually see (operator-pain-points.md).

/** A cmdlet failure: becomes an entry of `result.errors`, like a remote job's error stream. */
export class CmdletError extends Error {
  constructor(readonly record: HostError) {
    super(record.message);
    this.name = 'CmdletError';
  }
}

const TRANSPORT_TYPE = 'System.Management.Automation.Remoting.PSRemotingTransportException';
const BINDING_TYPE = 'System.Management.Automation.ParameterBindingException';
const VALIDATION_TYPE = 'System.Management.Automation.ParameterBindingValidationException';
const TRANSFORMATION_TYPE = 'System.Management.Automation.ParameterBindingArgumentTransformationException';
const TROUBLESHOOTING = 'For more information, see the about_Remote_Troubleshooting Help topic.';


// This computer's WinRM client messages, as a French Windows shows them (the endpoint's own messages stay English).
const CLIENT_TEXT = {
  'en-US': {
    openFailed: (host: string) => `Connecting to remote server ${host} failed with the following error message : `,
    troubleshooting: TROUBLESHOOTING,
    accessDenied: 'Access is denied.',
    timeout:
      'WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is ' +
      'accessible over the network, and that a firewall exception for the WinRM service is enabled and allows ' +
      'access from this computer. By default, the WinRM firewall exception for public profiles limits access to ' +
      'remote computers within the same local subnet.',
    ipAddress:
      'The WinRM client cannot process the request. Default authentication may be used with an IP address under ' +
      'the following conditions: the transport is HTTPS or the destination is in the TrustedHosts list, and ' +
      'explicit credentials are provided. Use winrm.cmd to configure TrustedHosts. Note that computers in the ' +
      'TrustedHosts list might not be authenticated. For more information on how to set TrustedHosts run the ' +
      'following command: winrm help config.',
    dropped:
      'Processing data for a remote command failed with the following error message: The I/O operation has been ' +
      'aborted because of either a thread exit or an application request.',
  },
  'fr-FR': {
    openFailed: (host: string) => `La connexion au serveur distant ${host} a \u00e9chou\u00e9 avec le message d\u2019erreur suivant\u00a0: `,
    troubleshooting: 'Pour plus d\u2019informations, voir la rubrique d\u2019aide about_Remote_Troubleshooting.',
    accessDenied: 'Acc\u00e8s refus\u00e9.',
    timeout:
      'WinRM ne peut pas terminer l\u2019op\u00e9ration. V\u00e9rifiez que le nom d\u2019ordinateur sp\u00e9cifi\u00e9 est valide, ' +
      'que l\u2019ordinateur est accessible sur le r\u00e9seau et qu\u2019une exception de pare-feu pour le service WinRM est activ\u00e9e.',
    ipAddress:
      'Le client WinRM ne peut pas traiter la demande. L\u2019authentification par d\u00e9faut peut \u00eatre utilis\u00e9e avec une ' +
      'adresse IP dans les conditions suivantes\u00a0: le transport est HTTPS ou la destination figure dans la liste TrustedHosts, ' +
      'et des informations d\u2019identification explicites sont fournies.',
    dropped:
      'Le traitement des donn\u00e9es d\u2019une commande distante a \u00e9chou\u00e9 avec le message d\u2019erreur suivant\u00a0: ' +
      'L\u2019op\u00e9ration d\u2019entr\u00e9e/sortie a \u00e9t\u00e9 abandonn\u00e9e en raison de la fermeture d\u2019un thread ou d\u2019une demande d\u2019application.',
  },
} as const;

const openFailed = (host: string, lang: ClientLanguage, text: string): string => {
  const t = CLIENT_TEXT[lang];
  return `${t.openFailed(host)}${text} ${t.troubleshooting}`;
};

export const accessDenied = (host: string, lang: ClientLanguage = 'en-US'): HostError => ({
  message: openFailed(host, lang, CLIENT_TEXT[lang].accessDenied),
  fqid: 'AccessDenied,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: 5,
  origin: 'local',
});

export const operationTimeout = (host: string, lang: ClientLanguage = 'en-US'): HostError => ({
  message: openFailed(host, lang, CLIENT_TEXT[lang].timeout),
  fqid: 'WinRMOperationTimeout,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: -2144108250,
  origin: 'local',
});

export const cannotUseIpAddress = (host: string, lang: ClientLanguage = 'en-US'): HostError => ({
  message: openFailed(host, lang, CLIENT_TEXT[lang].ipAddress),
  fqid: 'CannotUseIPAddress,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: -2144108101,
  origin: 'local',
});

/** The session broke while a command ran (the job fails with the transport exception; the session is Broken). */
export const sessionDropped = (lang: ClientLanguage = 'en-US'): HostError => ({
  message: `${CLIENT_TEXT[lang].dropped} ${CLIENT_TEXT[lang].troubleshooting}`,
  fqid: 'JobFailure',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: 995,
  origin: 'local',
  sessionState: 'Broken',
  jobState: 'Failed',
});

export const noSession = (): HostError => ({
  message: 'No privileged endpoint session is open. Send connect first.',
  fqid: 'NoSession',
  category: 'InvalidOperation',
  reason: 'InvalidOperationException',
  type: 'System.InvalidOperationException',
  origin: 'local',
});

export const pipelineStopped = (): HostError => ({
  message: 'The pipeline has been stopped.',
  fqid: 'PipelineStopped',
  category: 'OperationStopped',
  reason: 'PipelineStoppedException',
  type: 'System.Management.Automation.PipelineStoppedException',
  origin: 'local',
});

export const namedParameterNotFound = (cmd: string, name: string): HostError => ({
  message: `A parameter cannot be found that matches parameter name '${name}'.`,
  fqid: `NamedParameterNotFound,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
  origin: 'remote',
});

export const ambiguousParameter = (cmd: string, name: string, matches: string[]): HostError => ({
  message:
    `Parameter cannot be processed because the parameter name '${name}' is ambiguous. ` +
    `Possible matches include: ${matches.map((m) => `-${m}`).join(' ')}.`,
  fqid: `AmbiguousParameter,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
  origin: 'remote',
});

export const missingMandatory = (cmd: string, names: string[]): HostError => ({
  message: `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
  fqid: `MissingMandatoryParameter,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
  origin: 'remote',
});

export const emptyStringArgument = (cmd: string, name: string): HostError => ({
  message: `Cannot bind argument to parameter '${name}' because it is an empty string.`,
  fqid: `ParameterArgumentValidationErrorEmptyStringNotAllowed,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingValidationException',
  type: VALIDATION_TYPE,
  origin: 'remote',
});

export const notInValidateSet = (cmd: string, name: string, value: string, set: readonly string[]): HostError => ({
  message:
    `Cannot validate argument on parameter '${name}'. The argument "${value}" does not belong to the set ` +
    `"${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then ` +
    'try the command again.',
  fqid: `ParameterArgumentValidationError,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingValidationException',
  type: VALIDATION_TYPE,
  origin: 'remote',
});

export const notBoolean = (cmd: string, name: string): HostError => ({
  message:
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "System.String" to ` +
    'type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
  fqid: `ParameterArgumentTransformationError,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingArgumentTransformationException',
  type: TRANSFORMATION_TYPE,
  origin: 'remote',
});

export const notInt32 = (cmd: string, name: string, value: string): HostError => ({
  message:
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${value}" to type ` +
    '"System.Int32". Error: "Input string was not in a correct format."',
  fqid: `ParameterArgumentTransformationError,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingArgumentTransformationException',
  type: TRANSFORMATION_TYPE,
  origin: 'remote',
});

export const commandNotFound = (cmd: string): HostError => ({
  message:
    `The term '${cmd}' is not recognized as the name of a cmdlet, function, script file, or operable program. ` +
    'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
  fqid: 'CommandNotFoundException',
  category: 'ObjectNotFound',
  reason: 'CommandNotFoundException',
  type: 'System.Management.Automation.CommandNotFoundException',
  origin: 'remote',
  target: cmd,
});

/** A script-level `throw "text"`: PowerShell uses the text itself as the FullyQualifiedErrorId. */
export const thrown = (message: string): HostError => ({
  message,
  fqid: message,
  category: 'OperationStopped',
  reason: 'RuntimeException',
  type: 'System.Management.Automation.RuntimeException',
  origin: 'remote',
});

export const actionInProgress = (actionPlanId: string): HostError => ({
  message:
    `Exception calling "GetResult" with "0" argument(s): "${actionInProgressText(actionPlanId)}"`,
  fqid: 'DotNetMethodException',
  category: 'NotSpecified',
  reason: 'MethodInvocationException',
  type: 'System.Management.Automation.MethodInvocationException',
  origin: 'remote',
});

/** What ECE's action plan client throws when the plan could not start, its reason written only to the verbose stream. */
export const actionPlanFailed = (): HostError => ({
  message: 'Exception calling "GetResult" with "0" argument(s): "One or more errors occurred."',
  fqid: 'AggregateException',
  category: 'NotSpecified',
  reason: 'MethodInvocationException',
  type: 'System.Management.Automation.MethodInvocationException',
  origin: 'remote',
});

export const actionInProgressText = (actionPlanId: string): string =>
  `Cannot invoke action plan because another action is in progress: ${actionPlanId}`;

export const hardwareInfoMissing = (hostName: string): HostError =>
  thrown(
    `Could not retrieve mandatory hardware info for ${hostName}. Check physical host and connectivity, ` +
      'then try to rerun registration.',
  );
