// A fresh self-signed certificate per start. Only practice clients trust it (as `tlsOptions.ca`);
// nothing ever turns certificate checks off.
import { generate } from 'selfsigned';

type ServerCertificate = { key: string; cert: string };

export const generateCertificate = async (): Promise<ServerCertificate> => {
  // Validity dates come from the wall clock on purpose: TLS peers check them against it.
  const pems = await generate([{ name: 'commonName', value: 'AzS Registrar practice Azure' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
};
