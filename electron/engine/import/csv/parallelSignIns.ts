import { Worker } from 'node:worker_threads';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { SignInRecord } from '../../../../shared/domain/records';
import { SIGNIN_CSV_CATEGORY, unattributedWarning } from '../../../../shared/parse/signInMappers';
import { parseGroupValue, SIGNIN_VALUE_GROUPS } from '../../../../shared/parse/signInFields';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import { CancelledError } from '../cancelled';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import { BATCH_FIELD, BATCH_RECORD, BATCH_SLOTS } from './signInBatchBuilder';
import { CATEGORY_CODES, FIXED_SLOTS, type FromParser, type ParserJob, type SignInBatch, type ToParser } from './signInParserProtocol';

const PRINCIPAL = SIGNIN_VALUE_GROUPS.findIndex((g) => g.column === 'principal');
const PRINCIPAL_FIELDS = SIGNIN_VALUE_GROUPS[PRINCIPAL]?.fields.map(([f]) => f) ?? [];

/**
 * The writing side of a sign-in CSV that a parser thread reads: maps the parser's local ids to
 * `signin_values` ids (each distinct combination once), resolves identities (cached by the id of
 * the principal's combination) and inserts. Returns the file's SHA-256 (computed by the parser as it reads).
 */
export function importSignInsInParallel(
  db: Db,
  ctx: ImportContext,
  sniffed: Sniffed,
  kind: ImportKind,
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
  const { tally } = ctx;
  let unattributed = 0;
  const toDb = new Map<number, number>();
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
    if (m.reset) {
      toDb.clear();
      principals.clear();
      identityByValue.clear();
    }
    for (let k = 0; k < m.newValues.length; k++) {
      const v = m.newValues[k] as string;
      toDb.set(m.firstNewId + k, writer.dictionary.id(v));
      principals.set(m.firstNewId + k, v);
    }
    const n = m.numbers;
    const strings = m.rows > 0 ? m.strings.split(BATCH_RECORD) : [];
    for (let i = 0; i < m.rows; i++) {
      const o = i * BATCH_SLOTS;
      const cat = CATEGORY_CODES[n[o] as number] as SignInRecord['category'];
      for (let s = 0; s < refs.length; s++) {
        const local = n[o + FIXED_SLOTS + s] as number;
        refs[s] = local < 0 ? null : (toDb.get(local) ?? null);
      }
      const identityId = identityOf(n, o, cat);
      if (identityId == null) unattributed++;
      const pair = strings[i] as string;
      const cut = pair.indexOf(BATCH_FIELD);
      const correlation = pair.slice(cut + 1);
      const timeMs = n[o + 1] as number;
      const asn = n[o + 2] as number;
      const code = n[o + 3] as number;
      const inserted = writer.writeRefs(
        pair.slice(0, cut),
        cat,
        timeMs,
        identityId,
        correlation === '' ? null : correlation,
        Number.isNaN(asn) ? null : asn,
        Number.isNaN(code) ? null : code,
        fileId,
        n[o + 4] as number,
        refs,
      );
      if (inserted) tally.accept(timeMs);
      else tally.duplicates++;
    }
  };

  const post = (m: ToParser): void => worker.postMessage(m);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
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
          tally.rowsRead = m.rowsRead;
          finish(() => resolve({ sha256: m.sha256, rowsRead: m.rowsRead, dateWarning: m.dateWarning, finalWarnings: unattributedWarning(category, unattributed) }));
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
        post({ type: 'ack' });
      } catch (err) {
        finish(() => reject(err));
      }
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The parsing thread stopped (exit code ${code}).`))));
  });
}
