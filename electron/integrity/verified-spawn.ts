import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/contract/problems';
import type { SpawnHost } from '../pep/host-process';
import { verifyScriptDigest } from './script-digest';

// PowerShell reads the script some time after the app checked it, and a per-user install leaves
// `resources\` writable by the user: a file swapped in between would run with the CloudAdmin password
// on its stdin. So every start of the host runs a private copy: the installed script is read and
// verified, those bytes are written to a new folder of the operator's own temp folder (mkdtemp: 0700 on
// POSIX; %TEMP% is the user's own on Windows), the copy is verified again, PowerShell runs the copy, and
// the folder is removed when the host exits. An Authenticode signature travels with the bytes, so a
// signed script stays signed (AllSigned machines, README "Signing pep-host.ps1").

/** Synchronous file operations: they run inside the (synchronous) host spawn. */
export type PrivateCopyFs = {
  readFile(path: string): Uint8Array;
  /** Creates a new, private folder whose name starts with `prefix` (fs.mkdtempSync) and returns its path. */
  makeTempDir(prefix: string): string;
  /** Writes a new file (fails if it exists), readable by the owner only where the platform allows. */
  writeNewFile(path: string, bytes: Uint8Array): void;
  removeDir(path: string): void;
};

export type VerifiedSpawnConfig = {
  fs: PrivateCopyFs;
  /** The installed script; the host command names it, and the copy takes its place in the arguments. */
  script: string;
  /** The digest recorded at build time; undefined when this build did not record one (then nothing runs). */
  expected: string | undefined;
  /** The operator's temporary folder. */
  tempDir: string;
  /** Told when a private folder could not be removed (it holds only the public script). */
  onCleanupError(dir: string, err: unknown): void;
};

/** The real file system. */
export const systemCopyFs: PrivateCopyFs = {
  readFile: (path) => readFileSync(path),
  makeTempDir: (prefix) => mkdtempSync(prefix),
  writeNewFile: (path, bytes) => writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 }),
  removeDir: (path) => rmSync(path, { recursive: true, force: true }),
};

/** Wraps a host spawn so each start runs a private, verified copy of the shipped script. */
export const verifiedSpawn =
  (spawn: SpawnHost, cfg: VerifiedSpawnConfig): SpawnHost =>
  (command, args, options) => {
    const at = args.indexOf(cfg.script);
    if (at === -1) throw new AppError('internal', 'The PowerShell host command does not name the verified script.', { detail: cfg.script });
    const bytes = verifyScriptDigest({ readFile: cfg.fs.readFile, path: cfg.script, expected: cfg.expected });
    const dir = cfg.fs.makeTempDir(join(cfg.tempDir, 'azs-pep-'));
    const remove = () => {
      try {
        cfg.fs.removeDir(dir);
      } catch (err) {
        cfg.onCleanupError(dir, err);
      }
    };
    try {
      const copy = join(dir, basename(cfg.script));
      cfg.fs.writeNewFile(copy, bytes);
      verifyScriptDigest({ readFile: cfg.fs.readFile, path: copy, expected: cfg.expected });
      const child = spawn(command, args.map((a, i) => (i === at ? copy : a)), options);
      child.once('exit', remove);
      child.once('error', remove);
      return child;
    } catch (err) {
      remove();
      throw err;
    }
  };
