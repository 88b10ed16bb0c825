import { isAbsolute, resolve } from 'node:path';

export interface ArgvOptions {
  /** True when the path is an existing file. */
  exists(path: string): boolean;
  /** The launching process's working directory, for a relative path (`nhi-audit audit.nhiaudit`). */
  cwd?: string;
}

/** Only engagement files are ever opened from outside the app (the OS association is for these alone). */
export function isEngagementPath(path: string): boolean {
  return /\.nhiaudit$/iu.test(path);
}

/**
 * The engagement file the OS (a double-click, "Open with", a second launch) passed on the command
 * line, or null. Flags (Chromium's, Electron's, macOS's -psn_…), the executable, the app folder or
 * script Electron was started with, other file types and files that do not exist are ignored.
 */
export function engagementPathFromArgv(argv: readonly string[], options: ArgvOptions): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isEngagementPath(arg)) continue;
    const path = isAbsolute(arg) || options.cwd == null ? arg : resolve(options.cwd, arg);
    if (options.exists(path)) return path;
  }
  return null;
}
