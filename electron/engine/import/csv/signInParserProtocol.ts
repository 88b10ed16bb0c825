import type { Rejection } from '../../../../shared/contract/dto';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import { SIGNIN_CATEGORIES } from '../../../../shared/domain/vocabulary';
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
/** Distinct values the parser's dictionary holds before it starts afresh (at a batch boundary). */
export const MAX_LOCAL_VALUES = 200_000;

/** Numbers per row in a batch: category, time, asn, error code, line, then one local id per value group (SIGNIN_VALUE_GROUPS). */
export const FIXED_SLOTS = 5;
export const CATEGORY_CODES = SIGNIN_CATEGORIES;

/**
 * One batch, built for a cheap hand-over: the numbers travel in a transferred Float64Array (no
 * copy), the two high-cardinality strings of each row in one joined string, and each value the
 * parser met for the first time once, with the local id it gave it (ids are consecutive from
 * `firstNewId`). NaN stands for null in `numbers`; -1 for "no value" in the id slots.
 */
export interface SignInBatch {
  type: 'batch';
  /** The parser started its dictionary afresh before this batch: forget the local ids seen so far. */
  reset: boolean;
  firstNewId: number;
  newValues: string[];
  numbers: Float64Array;
  /** `requestId \u001f correlationId` per row, rows joined by \u001e (correlation id empty = null). */
  strings: string;
  rows: number;
  rejections: Rejection[];
  rowsRead: number;
  bytes: number;
}

export type ToParser = { type: 'ack' } | { type: 'cancel' };

export type FromParser =
  | SignInBatch
  | { type: 'done'; sha256: string; rowsRead: number; dateWarning: string | null }
  | { type: 'error'; message: string };
