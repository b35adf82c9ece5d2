; Pieces added to the NSIS installer (electron-builder `nsis.include`).
; The installer is per-machine (Program Files, elevation required): resources\pep-host.ps1 must not
; be writable by the operator's account, or anyone could change the script the app runs on the stamp.

!macro customInstall
  ; Make sure Users can read and run, never write, the installed files (inherited ACLs of a
  ; hand-picked folder outside Program Files may allow writes).
  nsExec::ExecToLog 'icacls "$INSTDIR" /inheritance:r /grant:r "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-545:(OI)(CI)RX"'
!macroend

!macro customUnInstall
  ; The operator's journal and settings (%APPDATA%\AzS Registrar) are kept: they may hold a hand-off
  ; that is not complete yet.
!macroend
