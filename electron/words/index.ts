import type { Language } from '../../shared/domain/languages';

// The words main shows itself, outside the window: its dialogs (save, folder, pwsh, quit), the application
// menu and the start-up failure box. They follow the UI language, which the window tells main
// (`app.setLanguage`); until it has, the OS locale's. The window's own words are in renderer/i18n.

export type MainWords = {
  saveRecordTitle: string;
  exportDiagnosticsTitle: string;
  saveScriptTitle: string;
  pickFolderTitle: string;
  pickPowerShellTitle: string;
  quit: { title: string; message: string; detail: string; keepWorking: string; quitAnyway: string };
  startFailed: string;
  menu: {
    file: string;
    newExport: string;
    newRegistration: string;
    quit: string;
    edit: string;
    undo: string;
    redo: string;
    cut: string;
    copy: string;
    paste: string;
    selectAll: string;
    view: string;
    resetZoom: string;
    zoomIn: string;
    zoomOut: string;
    fullScreen: string;
    window: string;
    minimize: string;
    close: string;
    help: string;
    documentation: string;
    exportDiagnostics: string;
    about: (appName: string) => string;
  };
};

const en: MainWords = {
  saveRecordTitle: 'Save the printable record of this hand-off',
  exportDiagnosticsTitle: 'Export diagnostics',
  saveScriptTitle: 'Save the equivalent PowerShell script',
  pickFolderTitle: 'Choose the USB stick or folder for the hand-off',
  pickPowerShellTitle: 'Choose the PowerShell 7 executable (pwsh)',
  quit: {
    title: 'An operation is still running',
    message: 'AzS Registrar is still waiting for the stamp or Azure.',
    detail: 'If you quit now, the stamp or Azure may finish without the app seeing it. The next start will ask you to verify the result.',
    keepWorking: 'Keep working',
    quitAnyway: 'Quit anyway',
  },
  startFailed: 'AzS Registrar could not start',
  menu: {
    file: 'File',
    newExport: 'New export (stamp side)',
    newRegistration: 'New registration (connected host)',
    quit: 'Exit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Toggle full screen',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
    help: 'Help',
    documentation: 'Registering Azure Stack Hub (Microsoft Learn)',
    exportDiagnostics: 'Export diagnostics…',
    about: (appName) => `About ${appName}`,
  },
};

const fr: MainWords = {
  saveRecordTitle: 'Enregistrer le compte rendu imprimable de ce transfert',
  exportDiagnosticsTitle: 'Exporter les diagnostics',
  saveScriptTitle: 'Enregistrer le script PowerShell équivalent',
  pickFolderTitle: 'Choisissez la clé USB ou le dossier du transfert',
  pickPowerShellTitle: 'Choisissez l’exécutable de PowerShell 7 (pwsh)',
  quit: {
    title: 'Une opération est en cours',
    message: 'AzS Registrar attend encore l’instance ou Azure.',
    detail: 'Si vous quittez maintenant, l’instance ou Azure peut terminer sans que l’application le voie. Au prochain démarrage, elle vous demandera de vérifier le résultat.',
    keepWorking: 'Continuer à travailler',
    quitAnyway: 'Quitter quand même',
  },
  startFailed: 'AzS Registrar n’a pas pu démarrer',
  menu: {
    file: 'Fichier',
    newExport: 'Nouvelle exportation (côté instance)',
    newRegistration: 'Nouvelle inscription (hôte connecté)',
    quit: 'Quitter',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    fullScreen: 'Plein écran',
    window: 'Fenêtre',
    minimize: 'Réduire',
    close: 'Fermer',
    help: 'Aide',
    documentation: 'Inscrire Azure Stack Hub (Microsoft Learn)',
    exportDiagnostics: 'Exporter les diagnostics…',
    about: (appName) => `À propos de ${appName}`,
  },
};

export const MAIN_WORDS: Record<Language, MainWords> = { en, fr };
