import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { SignInRecord } from '../../../../shared/domain/records';
import type { HeaderIndex } from '../../../../shared/parse/headers';
import { SIGNIN_CSV_CATEGORY, signInCsvMapper, unattributedWarning } from '../../../../shared/parse/signInMappers';
import { parseGroupValue, SIGNIN_VALUE_GROUPS } from '../../../../shared/parse/signInFields';
import type { Db } from '../../db/open';
import { BulkSignInWriter } from '../../store/bulkSignInWriter';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import { CancelledError } from '../cancelled';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import { BATCH_SLOTS } from './signInBatchBuilder';
import { CATEGORY_CODES, FIXED_SLOTS, WRITER_GROUPS, type FromParser, type ParserJob, type SignInBatch, type ToParser } from './signInParserProtocol';
import { WriterCells } from './writerCells';

const PRINCIPAL = SIGNIN_VALUE_GROUPS.findIndex((g) => g.column === 'principal');
const PRINCIPAL_FIELDS = SIGNIN_VALUE_GROUPS[PRINCIPAL]?.fields.map(([f]) => f) ?? [];
/** Portal rows run to 800 bytes and more: the file size over this rather overestimates its rows. */
const MIN_ROW_BYTES = 500;
// Identities are cached by the parser's local id of the principal's combination.
if (WRITER_GROUPS.includes(PRINCIPAL)) throw new Error('The principal value group must be encoded by the parser.');

/**
 * The writing side of a sign-in CSV that a parser thread reads: maps the parser's local ids to
 * `signin_values` ids (each distinct combination once), encodes the WRITER_GROUPS and cuts the
 * request and correlation ids out of the rows' chunks, resolves identities (cached by the id of the
 * principal's combination) and inserts, in bulk when that pays (BulkSignInWriter). Returns the
 * file's SHA-256, of the bytes the parser read.
 */
export function importSignInsInParallel(
  db: Db,
  ctx: ImportContext,
  sniffed: Sniffed,
  kind: ImportKind,
  index: HeaderIndex,
  fileId: number,
  parserPath: string,
  filePath: string,
): Promise<{ sha256: string; rowsRead: number; dateWarning: string | null; finalWarnings: string[] }> {
  const category = SIGNIN_CSV_CATEGORY[kind];
  if (!category) throw new Error(`${kind} is not a sign-in CSV kind`);
  const job: ParserJob = { filePath, size: ctx.source.size, sniffed, kind };
  const worker = new Worker(parserPath, { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  const resolver = new IdentityResolver(db);
  const writer = new SignInWriter(db);
  const cells = new WriterCells(signInCsvMapper(kind, index), index.names.length, writer.dictionary);
  const bulk = BulkSignInWriter.begin(db, Math.ceil(ctx.source.size / MIN_ROW_BYTES));
  const { tally } = ctx;
  const hash = createHash('sha256');
  let unattributed = 0;
  /** `signin_values` id by the parser's local id, less `firstLocal` (the parser numbers them consecutively). */
  const toDb: number[] = [];
  let firstLocal = 0;
  /** Every combination by local id (identities are resolved from the principal's). */
  const principals = new Map<number, string>();
  const identityByValue = new Map<number, number | null>();
  const refs: (number | null)[] = new Array(SIGNIN_VALUE_GROUPS.length).fill(null);

  /** The identity of a row, cached by its principal combination. */
  const identityOf = (numbers: Float64Array, o: number, cat: SignInRecord['category']): number | null => {
    const key = numbers[o + FIXED_SLOTS + PRINCIPAL] as number;
    if (key < 0) return null;
    const workload = cat === 'service_principal' || cat === 'managed_identity';
    // Negative keys for workloads keep the two caches apart in one map.
    const cacheKey = workload ? -1 - key : key;
    const hit = identityByValue.get(cacheKey);
    if (hit !== undefined) return hit;
    const values = parseGroupValue(principals.get(key) ?? null) ?? [];
    const r = { category: cat } as SignInRecord;
    PRINCIPAL_FIELDS.forEach((f, i) => ((r as unknown as Record<string, string | null>)[f] = values[i] ?? null));
    const id = resolver.forSignIn(r);
    identityByValue.set(cacheKey, id);
    return id;
  };

  const write = (m: SignInBatch): void => {
    for (const chunk of m.raw) hash.update(chunk);
    if (m.reset) {
      toDb.length = 0;
      firstLocal = m.firstNewId;
      principals.clear();
      identityByValue.clear();
    }
    for (let k = 0; k < m.newValues.length; k++) {
      const v = m.newValues[k] as string;
      toDb[m.firstNewId + k - firstLocal] = writer.dictionary.id(v);
      principals.set(m.firstNewId + k, v);
    }
    const n = m.numbers;
    for (let i = 0; i < m.rows; i++) {
      const o = i * BATCH_SLOTS;
      const cat = CATEGORY_CODES[n[o] as number] as SignInRecord['category'];
      for (let s = 0; s < refs.length; s++) {
        const local = n[o + FIXED_SLOTS + s] as number;
        refs[s] = local < 0 ? null : (toDb[local - firstLocal] ?? null);
      }
      const from = m.chunks[n[o + 5] as number] as SignInBatch['chunks'][number];
      const r = n[o + 6] as number;
      cells.fill(from.chunk, r, from.order, refs);
      const { requestId, correlationId } = cells.ids(from.chunk, r);
      const identityId = identityOf(n, o, cat);
      if (identityId == null) unattributed++;
      const timeMs = n[o + 1] as number;
      const asn = n[o + 2] as number;
      const code = n[o + 3] as number;
      const asnOrNull = Number.isNaN(asn) ? null : asn;
      const codeOrNull = Number.isNaN(code) ? null : code;
      const line = n[o + 4] as number;
      if (bulk) {
        // Counted as imported; `finish` takes back any duplicate.
        bulk.writeRefs(requestId, cat, timeMs, identityId, correlationId, asnOrNull, codeOrNull, fileId, line, refs);
        tally.accept(timeMs);
      } else if (writer.writeRefs(requestId, cat, timeMs, identityId, correlationId, asnOrNull, codeOrNull, fileId, line, refs)) {
        tally.accept(timeMs);
      } else {
        tally.duplicates++;
      }
    }
  };

  const post = (m: ToParser): void => worker.postMessage(m);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      bulk?.release();
      fn();
    };
    worker.on('message', (m: FromParser) => {
      if (settled) return;
      try {
        if (m.type === 'error') {
          finish(() => reject(new Error(m.message)));
          return;
        }
        if (m.type === 'done') {
          // Its work is done: let the parsing thread go before the index is built.
          void worker.terminate();
          for (const chunk of m.raw) hash.update(chunk);
          const sha256 = hash.digest('hex');
          const repeats = bulk?.finish(fileId);
          if (repeats?.range) tally.takeBack(repeats.duplicates, repeats.range.first, repeats.range.last);
          tally.rowsRead = m.rowsRead;
          finish(() => resolve({ sha256, rowsRead: m.rowsRead, dateWarning: m.dateWarning, finalWarnings: unattributedWarning(category, unattributed) }));
          return;
        }
        write(m);
        for (const rej of m.rejections) tally.reject(rej.line, rej.reason);
        tally.rowsRead = m.rowsRead;
        ctx.onProgress({ bytes: m.bytes, totalBytes: ctx.source.size, rows: m.rowsRead });
        if (ctx.signal.aborted) {
          post({ type: 'cancel' });
          finish(() => reject(new CancelledError()));
          return;
        }
        // Acknowledged on the next turn of the event loop: a port keeps handing over messages that
        // arrive while it is being read, so the parser's next batches would otherwise keep a cancel
        // from the host waiting until the end of the file.
        setImmediate(() => {
          if (!settled) post({ type: 'ack' });
        });
      } catch (err) {
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The parsing thread stopped (exit code ${code}).`))));
  });
}
