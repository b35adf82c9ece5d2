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

const openFailed = (host: string, text: string): string =>
  `Connecting to remote server ${host} failed with the following error message : ${text}`;

export const accessDenied = (host: string): HostError => ({
  message: openFailed(host, `Access is denied. ${TROUBLESHOOTING}`),
  fqid: 'AccessDenied,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: 5,
});

export const operationTimeout = (host: string): HostError => ({
  message: openFailed(
    host,
    'WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is ' +
      'accessible over the network, and that a firewall exception for the WinRM service is enabled and allows ' +
      'access from this computer. By default, the WinRM firewall exception for public profiles limits access to ' +
      `remote computers within the same local subnet. ${TROUBLESHOOTING}`,
  ),
  fqid: 'WinRMOperationTimeout,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: -2144108250,
});

export const cannotUseIpAddress = (host: string): HostError => ({
  message: openFailed(
    host,
    'The WinRM client cannot process the request. Default authentication may be used with an IP address under ' +
      'the following conditions: the transport is HTTPS or the destination is in the TrustedHosts list, and ' +
      'explicit credentials are provided. Use winrm.cmd to configure TrustedHosts. Note that computers in the ' +
      'TrustedHosts list might not be authenticated. For more information on how to set TrustedHosts run the ' +
      `following command: winrm help config. ${TROUBLESHOOTING}`,
  ),
  fqid: 'CannotUseIPAddress,PSSessionOpenFailed',
  category: 'OpenError',
  reason: 'PSRemotingTransportException',
  type: TRANSPORT_TYPE,
  transportCode: -2144108101,
});

export const noSession = (): HostError => ({
  message: 'No privileged endpoint session is open. Send connect first.',
  fqid: 'NoSession',
  category: 'InvalidOperation',
  reason: 'InvalidOperationException',
  type: 'System.InvalidOperationException',
});

export const pipelineStopped = (): HostError => ({
  message: 'The pipeline has been stopped.',
  fqid: 'PipelineStopped',
  category: 'OperationStopped',
  reason: 'PipelineStoppedException',
  type: 'System.Management.Automation.PipelineStoppedException',
});

export const namedParameterNotFound = (cmd: string, name: string): HostError => ({
  message: `A parameter cannot be found that matches parameter name '${name}'.`,
  fqid: `NamedParameterNotFound,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
});

export const ambiguousParameter = (cmd: string, name: string, matches: string[]): HostError => ({
  message:
    `Parameter cannot be processed because the parameter name '${name}' is ambiguous. ` +
    `Possible matches include: ${matches.map((m) => `-${m}`).join(' ')}.`,
  fqid: `AmbiguousParameter,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
});

export const missingMandatory = (cmd: string, names: string[]): HostError => ({
  message: `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
  fqid: `MissingMandatoryParameter,${cmd}`,
  category: 'InvalidArgument',
  reason: 'ParameterBindingException',
  type: BINDING_TYPE,
});

export const emptyStringArgument = (cmd: string, name: string): HostError => ({
  message: `Cannot bind argument to parameter '${name}' because it is an empty string.`,
  fqid: `ParameterArgumentValidationErrorEmptyStringNotAllowed,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingValidationException',
  type: VALIDATION_TYPE,
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
});

export const notBoolean = (cmd: string, name: string): HostError => ({
  message:
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "System.String" to ` +
    'type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
  fqid: `ParameterArgumentTransformationError,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingArgumentTransformationException',
  type: TRANSFORMATION_TYPE,
});

export const notInt32 = (cmd: string, name: string, value: string): HostError => ({
  message:
    `Cannot process argument transformation on parameter '${name}'. Cannot convert value "${value}" to type ` +
    '"System.Int32". Error: "Input string was not in a correct format."',
  fqid: `ParameterArgumentTransformationError,${cmd}`,
  category: 'InvalidData',
  reason: 'ParameterBindingArgumentTransformationException',
  type: TRANSFORMATION_TYPE,
});

export const commandNotFound = (cmd: string): HostError => ({
  message:
    `The term '${cmd}' is not recognized as the name of a cmdlet, function, script file, or operable program. ` +
    'Check the spelling of the name, or if a path was included, verify that the path is correct and try again.',
  fqid: 'CommandNotFoundException',
  category: 'ObjectNotFound',
  reason: 'CommandNotFoundException',
  type: 'System.Management.Automation.CommandNotFoundException',
});

/** A script-level `throw "text"`: PowerShell uses the text itself as the FullyQualifiedErrorId. */
export const thrown = (message: string): HostError => ({
  message,
  fqid: message,
  category: 'OperationStopped',
  reason: 'RuntimeException',
  type: 'System.Management.Automation.RuntimeException',
});

export const actionInProgress = (actionPlanId: string): HostError => ({
  message:
    'Exception calling "GetResult" with "0" argument(s): "Cannot invoke action plan because another action is ' +
    `in progress: ${actionPlanId}"`,
  fqid: 'DotNetMethodException',
  category: 'NotSpecified',
  reason: 'MethodInvocationException',
  type: 'System.Management.Automation.MethodInvocationException',
});

export const hardwareInfoMissing = (hostName: string): HostError =>
  thrown(
    `Could not retrieve mandatory hardware info for ${hostName}. Check physical host and connectivity, ` +
      'then try to rerun registration.',
  );
