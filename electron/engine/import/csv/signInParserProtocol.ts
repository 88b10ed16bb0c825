import type { Rejection } from '../../../../shared/contract/dto';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { Sniffed } from '../sniff';

/** What the engine tells a sign-in parser thread to parse. */
export interface ParserJob {
  filePath: string;
  size: number;
  sniffed: Sniffed;
  kind: ImportKind;
}

/** Batches in flight before the parser waits for the writer: bounds memory whatever the file size. */
export const MAX_BATCHES_IN_FLIGHT = 3;
export const ROWS_PER_BATCH = 4000;

export type ToParser = { type: 'ack' } | { type: 'cancel' };

export type FromParser =
  /** `data` holds the encoded records (shared/parse/signInCodec.ts). */
  | { type: 'batch'; data: string; rejections: Rejection[]; rowsRead: number; bytes: number }
  | { type: 'done'; sha256: string; rowsRead: number; dateWarning: string | null }
  | { type: 'error'; message: string };
