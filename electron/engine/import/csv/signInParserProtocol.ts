import type { Rejection } from '../../../../shared/contract/dto';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import { SIGNIN_CATEGORIES } from '../../../../shared/domain/vocabulary';
import { SIGNIN_VALUE_GROUPS } from '../../../../shared/parse/signInFields';
import type { DateOrder } from '../../../../shared/parse/values';
import type { CellChunk } from '../csvTokenizer';
import type { Sniffed } from '../sniff';

/** What the engine tells a sign-in parser thread to parse. */
export interface ParserJob {
  filePath: string;
  size: number;
  sniffed: Sniffed;
  kind: ImportKind;
}

/**
 * Batches in flight before the parser waits for the writer: bounds memory whatever the file size.
 * Small batches die young on the writer's side: with thousands of rows, a batch's text outlived
 * young-generation collections there and the writer's heap grew by a hundred megabytes.
 */
export const MAX_BATCHES_IN_FLIGHT = 6;
/** Rows after which the parser sends a batch, at the end of the chunk it is reading. */
export const ROWS_PER_BATCH = 500;
/** Distinct values the parser's dictionary holds before it starts afresh (at a batch boundary). */
export const MAX_LOCAL_VALUES = 200_000;

/**
 * Numbers per row in a batch: category, time, asn, error code, line, the row's chunk (an index into
 * `chunks`) and its row there, then one local id per value group (SIGNIN_VALUE_GROUPS).
 */
export const FIXED_SLOTS = 7;

/**
 * The value groups the writer encodes itself, from the row's cells; the parser encodes the others.
 * Looking combinations up is most of the parsing time, and the writer would otherwise wait for the
 * parser: these groups even the two threads out.
 */
export const WRITER_GROUPS: readonly number[] = ['app', 'resource', 'client'].map((column) =>
  SIGNIN_VALUE_GROUPS.findIndex((g) => g.column === column),
);
export const CATEGORY_CODES = SIGNIN_CATEGORIES;

/**
 * One batch, built for a cheap hand-over: the numbers travel in a transferred Float64Array (no
 * copy), the rows' text as the chunks it was read in (their cell positions transferred, the writer
 * cuts the request and correlation ids out itself), and each value the parser met for the first
 * time once, with the local id it gave it (ids are consecutive from `firstNewId`). NaN stands for
 * null in `numbers`; -1 for "no value" in the id slots (and in those of WRITER_GROUPS).
 */
export interface SignInBatch {
  type: 'batch';
  /** The parser started its dictionary afresh before this batch: forget the local ids seen so far. */
  reset: boolean;
  firstNewId: number;
  newValues: string[];
  numbers: Float64Array;
  /** The chunks the rows come from, each with the file's date order; a chunk travels in one batch only. */
  chunks: { chunk: CellChunk; order: DateOrder }[];
  rows: number;
  rejections: Rejection[];
  rowsRead: number;
  bytes: number;
  /** The file's bytes read since the last message, in order, for the writer to hash (transferred). */
  raw: Uint8Array[];
}

export type ToParser = { type: 'ack' } | { type: 'cancel' };

export type FromParser =
  | SignInBatch
  | { type: 'done'; raw: Uint8Array[]; rowsRead: number; dateWarning: string | null }
  | { type: 'error'; message: string };
