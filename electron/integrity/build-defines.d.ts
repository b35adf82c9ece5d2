// Replaced at build time by electron-vite's `define` (electron.vite.config.ts), main bundle only.
/** SHA-256 of resources/pep-host.ps1 without its signature block (see script-digest.ts). */
declare const __PEP_HOST_SHA256__: string;
