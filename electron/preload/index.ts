import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, isEventName } from '../../shared/contract/names';
import type { Api, EventName } from '../../shared/contract';

// Exposes exactly the contract's methods and an event subscription; never ipcRenderer itself,
// and the IPC event object (with its sender) never reaches the page.
const calls = Object.fromEntries(channelNames.map((name) => [name, (req: unknown) => ipcRenderer.invoke(name, req)]));

const on = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
  if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`);
  const forward = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(name, forward);
  return () => void ipcRenderer.removeListener(name, forward);
};

contextBridge.exposeInMainWorld('api', { ...calls, on } as unknown as Api);
