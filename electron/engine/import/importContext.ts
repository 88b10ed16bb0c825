import type { ImportKind } from '../../../shared/domain/importKinds';
import type { InputSource } from './source';
import type { Tally } from './tally';

export interface FileProgress {
  bytes: number;
  totalBytes: number;
  rows: number;
}

/** Everything a format's importer needs about the one input it is importing. */
export interface ImportContext {
  source: InputSource;
  kindOverride: ImportKind | undefined;
  signal: AbortSignal;
  tally: Tally;
  onProgress: (p: FileProgress) => void;
  /** The built sign-in parser thread (signInParser.js), when there is one; otherwise parsing stays on this thread. */
  parserPath?: string | undefined;
}
