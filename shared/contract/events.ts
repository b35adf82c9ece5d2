import type { EventName } from './names';
import type { OperationFinished, OperationProgress } from './operations';
import type { AppMode } from '../domain/types';

export type DeviceCodePrompt = { userCode: string; verificationUri: string; message: string; expiresAt?: string };

export type EventPayloads = {
  'operation.progress': OperationProgress;
  'operation.finished': OperationFinished;
  'azure.deviceCode': DeviceCodePrompt;
  'app.modeChanged': { mode: AppMode };
  'app.stateChanged': StateChanged;
  /** The application menu asks for a screen (About), maybe to start what it offers (Export diagnostics), or a new leg (File menu). */
  'app.show': { screen: 'about' | 'new-export' | 'new-registration'; action?: 'exportDiagnostics' };
};

/**
 * What changed in main since the renderer last read it. `composition` means the services were
 * recomposed (mode, settings, practice scenario, practice reset): every PEP session and Azure sign-in
 * is gone. The renderer re-reads everything it shows on every such event.
 */
export const STATE_CHANGE_CAUSES = ['mode', 'settings', 'scenario', 'practice-reset', 'handoff', 'session', 'operation'] as const;
export type StateChangeCause = (typeof STATE_CHANGE_CAUSES)[number];
export type StateChanged = { generation: number; cause: StateChangeCause };
export const RECOMPOSING_CAUSES: ReadonlySet<StateChangeCause> = new Set(['mode', 'settings', 'scenario', 'practice-reset']);

// Names and payload map cannot drift.
export type _EventsCovered = EventName extends keyof EventPayloads ? (keyof EventPayloads extends EventName ? true : never) : never;

export type OnEvent = <E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) => () => void;

/** Main-side sink for events; electron/main sends them with webContents.send, tests collect them. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;
