// Child process of startup.bench-run.ts: loads the built main bundle (out/main/index.js) in plain
// Node with a stand-in `electron` module, and reports, in ms since this process started: when the
// bundle had loaded, when the window was created, when the services answered their first IPC call,
// and which late modules (Azure SDKs, selfsigned, jose, the practice chunk) were loaded before the
// window existed, with the CPU time spent at each point. argv: <out/main/index.js> <userData folder>.
import { registerHooks } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [mainPath, userData] = process.argv.slice(2);
const loaded = [];
const marks = {};
/** CPU time of this process so far, ms: far less sensitive than wall time to other work on the machine. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const handlers = new Map();
const LATE = /node_modules\/(@azure\/|selfsigned\/|jose\/)|\/chunks\/(azure|practice)-/;

const stub = `
const s = globalThis.__electronStub;
export const app = {
  isPackaged: false,
  commandLine: { getSwitchValue: () => '' },
  setPath() {},
  getLocale: () => 'en-US',
  getName: () => 'AzS Registrar',
  enableSandbox() {},
  requestSingleInstanceLock: () => true,
  on() {},
  whenReady: () => Promise.resolve(),
  getPath: (name) => (name === 'userData' ? s.userData : s.userData + '/' + name),
  getVersion: () => '0.0.0-bench',
  quit() {},
  exit(code) { s.exit(code); },
};
export const dialog = { showErrorBox: (t, m) => s.error(t + ': ' + m), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBoxSync: () => 0 };
export const protocol = { registerSchemesAsPrivileged() {}, handle() {} };
export const net = { fetch: () => Promise.reject(new Error('no net in the bench')) };
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } };
export const ipcMain = { handle: (name, fn) => s.handlers.set(name, fn) };
export const Menu = { setApplicationMenu() {}, buildFromTemplate: (template) => template };
export const shell = { openExternal: async () => undefined };
export class BrowserWindow {
  constructor() { s.window(); this.webContents = { isDestroyed: () => false, send() {} }; }
  once() {} on() {} loadURL() { return Promise.resolve(); } isMinimized() { return false; } restore() {} focus() {}
}
export default { app, dialog, protocol, net, session, ipcMain, Menu, shell, BrowserWindow };
`;

globalThis.__electronStub = {
  userData,
  handlers,
  window: () => {
    marks.window = performance.now();
    marks.lateBeforeWindow = loaded.filter((u) => LATE.test(u));
  },
  error: (m) => process.stderr.write(`${m}\n`),
  exit: (code) => process.exit(code),
};

registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron') return { url: `data:text/javascript,${encodeURIComponent(stub)}`, shortCircuit: true };
    const r = next(specifier, context);
    loaded.push(r.url);
    return r;
  },
});

marks.start = performance.now();
marks.cpuStart = cpu();
await import(pathToFileURL(mainPath).href);
marks.bundleLoaded = performance.now();
marks.cpuBundleLoaded = cpu();
// The services are ready when the first IPC call is answered (app.info, what the renderer asks first).
while (!handlers.has('app.info')) await new Promise((r) => setTimeout(r, 1));
const res = await handlers.get('app.info')({ senderFrame: { url: 'app://registrar/index.html', parent: null } }, {});
marks.servicesReady = performance.now();
marks.cpuServicesReady = cpu();
if (!res.ok) throw new Error(`app.info failed: ${JSON.stringify(res)}`);
process.stdout.write(`${JSON.stringify({ ...marks, mode: res.value.mode, lateAtReady: loaded.filter((u) => LATE.test(u)) })}\n`);
process.exit(0);
