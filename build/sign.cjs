// electron-builder's Windows signing hook (win.signtoolOptions.sign): signs every file it is given
// (the executables, the installers, and pep-host.ps1 through win.signExts) with signtool and a
// certificate named by the environment of the build host:
//   AZS_SIGN_CERT_SHA1        thumbprint of a code-signing certificate in the Windows store (preferred:
//                             no password anywhere), or
//   AZS_SIGN_PFX              path of a .pfx file, with AZS_SIGN_PFX_PASSWORD;
//   AZS_SIGN_TIMESTAMP_URL    RFC 3161 time-stamp server (optional; the connected build host reaches it);
//   AZS_SIGNTOOL              signtool.exe to use (default: signtool.exe on PATH).
// Without a certificate it signs nothing and says so for each file, so an unsigned build is never
// mistaken for a signed one.
'use strict';
const { execFileSync } = require('node:child_process');

const signArgs = (env, file) => {
  const args = ['sign', '/fd', 'sha256'];
  if (env.AZS_SIGN_CERT_SHA1) args.push('/sha1', env.AZS_SIGN_CERT_SHA1);
  else args.push('/f', env.AZS_SIGN_PFX, ...(env.AZS_SIGN_PFX_PASSWORD ? ['/p', env.AZS_SIGN_PFX_PASSWORD] : []));
  if (env.AZS_SIGN_TIMESTAMP_URL) args.push('/tr', env.AZS_SIGN_TIMESTAMP_URL, '/td', 'sha256');
  args.push(file);
  return args;
};

/** @param {{ path: string }} configuration  @returns {Promise<'signed' | 'unsigned'>} */
const sign = async (configuration, env = process.env, log = console) => {
  const file = configuration.path;
  if (!env.AZS_SIGN_CERT_SHA1 && !env.AZS_SIGN_PFX) {
    log.warn(`AzS Registrar signing: no certificate in the environment (AZS_SIGN_CERT_SHA1 or AZS_SIGN_PFX); NOT signed: ${file}`);
    return 'unsigned';
  }
  execFileSync(env.AZS_SIGNTOOL || 'signtool.exe', signArgs(env, file), { stdio: ['ignore', 'inherit', 'inherit'] });
  log.log(`AzS Registrar signing: signed ${file}`);
  return 'signed';
};

module.exports = sign;
module.exports.default = sign;
