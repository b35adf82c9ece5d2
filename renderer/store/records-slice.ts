import type { Api } from '../../shared/contract';
import { RECORD_LANGUAGES } from '../../shared/domain/handoff-record';
import { i18n } from '../i18n';
import { makeCall } from './call';
import type { RecordsSlice, Slice } from './types';

export const recordsSlice =
  (api: Api): Slice<RecordsSlice> =>
  (set, get) => {
    const call = makeCall(set, get);
    return {
      records: {},
      // Main asks where to save in its own dialog; a cancelled dialog answers null and shows nothing.
      saveRecord: async (handoffId) => {
        set((s) => ({ records: { ...s.records, handoffId, saved: undefined } }));
        const language = RECORD_LANGUAGES.find((l) => l === i18n.language) ?? 'en';
        const saved = await call('records', 'records.saving', () => api['handoff.saveRecord']({ handoffId, language }));
        if (saved) set((s) => ({ records: { ...s.records, saved } }));
      },
      saveScript: async (leg, script) => {
        // One outcome shown at a time: the record boxes let go of theirs.
        set((s) => ({ records: { ...s.records, handoffId: undefined, saved: undefined, script: { leg } } }));
        const saved = await call('records', 'scriptFile.saving', () => api['script.save']({ leg, script }));
        if (saved) set((s) => ({ records: { ...s.records, script: { leg, saved } } }));
      },
      exportDiagnostics: async () => {
        set((s) => ({ records: { ...s.records, diagnostics: undefined } }));
        const diagnostics = await call('records', 'records.exporting', () => api['diagnostics.export']({}));
        if (diagnostics) set((s) => ({ records: { ...s.records, diagnostics } }));
      },
    };
  };
