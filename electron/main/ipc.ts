import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { channelNames, fail } from '../../shared/contract';
import { isTrustedFrame } from '../ipc';
import type { Dispatch } from '../ipc';

// The only place that registers IPC handlers. Every call passes the frame check, then the
// dispatcher's schema validation.
export const registerIpc = (dispatch: () => Dispatch): void => {
  for (const name of channelNames) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, raw: unknown) =>
      isTrustedFrame(event.senderFrame)
        ? dispatch()(name, raw)
        : fail('untrusted-sender', `Refused "${name}" from a page that is not AzS Registrar.`),
    );
  }
};
