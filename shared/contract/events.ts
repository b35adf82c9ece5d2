import type { EventName } from './names';
import type { OperationFinished, OperationProgress } from './operations';
import type { AppMode } from '../domain/types';

export type DeviceCodePrompt = { userCode: string; verificationUri: string; message: string; expiresAt?: string };

export type EventPayloads = {
  'operation.progress': OperationProgress;
  'operation.finished': OperationFinished;
  'azure.deviceCode': DeviceCodePrompt;
  'app.modeChanged': { mode: AppMode };
};

// Names and payload map cannot drift.
export type _EventsCovered = EventName extends keyof EventPayloads ? (keyof EventPayloads extends EventName ? true : never) : never;

export type OnEvent = <E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) => () => void;

/** Main-side sink for events; electron/main sends them with webContents.send, tests collect them. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;
