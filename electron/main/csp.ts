// The one Content-Security-Policy of the app: sent as a header by the app:// protocol and repeated
// in renderer/index.html. No remote content, no inline script or style.
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
