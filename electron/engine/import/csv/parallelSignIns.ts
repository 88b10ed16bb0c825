import { Worker } from 'node:worker_threads';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import { decodeSignIns } from '../../../../shared/parse/signInCodec';
import { SIGNIN_CSV_CATEGORY, unattributedWarning } from '../../../../shared/parse/signInMappers';
import type { Db } from '../../db/open';
import { IdentityResolver } from '../../store/identityResolver';
import { SignInWriter } from '../../store/signInWriter';
import { CancelledError } from '../cancelled';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import type { FromParser, ParserJob, ToParser } from './signInParserProtocol';

/**
 * Writes a sign-in CSV that a parser thread reads: this thread only resolves identities and
 * inserts. Returns the file's SHA-256 (computed by the parser as it reads) and its row count.
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
  // A small heap: the parser keeps only a few batches alive, and a tight limit makes V8 collect
  // early instead of letting garbage grow the process (flat memory on multi-GB files).
  const worker = new Worker(parserPath, { workerData: job });
  const resolver = new IdentityResolver(db);
  const writer = new SignInWriter(db);
  const { tally } = ctx;
  let unattributed = 0;
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
        decodeSignIns(m.data, (r, line) => {
          const identityId = resolver.forSignIn(r);
          if (identityId == null) unattributed++;
          if (writer.write(r, identityId, fileId, line)) tally.accept(r.timeMs);
          else tally.duplicates++;
        });
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
