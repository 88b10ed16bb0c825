import { IMPORT_KIND_LABELS, type ImportKind } from '../../../../shared/domain/importKinds';
import { detectJsonKind, JSON_KINDS, looksLikeNdjson, type JsonContainer } from '../../../../shared/parse/json/detect';
import type { Db } from '../../db/open';
import { CancelledError } from '../cancelled';
import type { CsvImportResult } from '../csv/importCsv';
import { inFileTransaction } from '../fileTransaction';
import type { ImportContext } from '../importContext';
import type { Sniffed } from '../sniff';
import { recordHandler } from './handlers';
import { openJson, type JsonEvent, type JsonReader } from './reader';
import type { WalkedRecord } from './walker';

/** Records after which progress is reported and cancellation checked. */
const BATCH = 2000;
/** The portal's download caps: a file of exactly this many records was probably cut off. */
const PORTAL_CAPS = [100_000, 250_000];

const n = (v: number): string => v.toLocaleString('en-US');

/** Reads events until the first record (or the end, or broken JSON): enough to detect the kind. */
async function lookahead(reader: JsonReader): Promise<{ events: JsonEvent[]; first: WalkedRecord | null }> {
  const events: JsonEvent[] = [];
  for (;;) {
    const r = await reader.batches.next();
    if (r.done) return { events, first: null };
    events.push(...r.value);
    for (const e of r.value) if (e.type === 'record') return { events, first: e.record };
    // A broken document yields nothing more; a bad NDJSON line may be followed by good ones.
    if (reader.positionKind === 'record' && r.value.some((e) => e.type === 'invalid')) return { events, first: null };
  }
}

/**
 * JSON exports: the portal's JSON download, Graph pages (one, several concatenated, an array of
 * them), NDJSON, PowerShell ConvertTo-Json output, az CLI output and EntraExporter's one-object
 * files. Detects the kind from the first record and the Graph context, then streams every record
 * into the engagement inside the input's transaction.
 */
export async function importJson(db: Db, ctx: ImportContext, sniffed: Sniffed): Promise<CsvImportResult> {
  const { source, tally, signal } = ctx;
  const reader = openJson(source, sniffed, looksLikeNdjson(sniffed.head));
  const ahead = await lookahead(reader);
  const first = ahead.first;
  const own = first?.value['@odata.context'];
  const context = reader.context() ?? (typeof own === 'string' ? own : null);

  let kind: ImportKind;
  if (ctx.kindOverride) {
    if (!JSON_KINDS.has(ctx.kindOverride)) {
      reader.destroy();
      return { status: 'undetected', detection: { status: 'unknown', looksLike: `a JSON export, which cannot be read as "${IMPORT_KIND_LABELS[ctx.kindOverride]}" (a table format)` } };
    }
    kind = ctx.kindOverride;
  } else {
    const invalid = ahead.events.find((e) => e.type === 'invalid');
    if (!first && invalid) {
      reader.destroy();
      const looksLike = invalid.type === 'invalid' && invalid.truncated ? 'JSON that ends in the middle of its first value (truncated?)' : `text that starts like JSON but is ${invalid.reason}`;
      return { status: 'undetected', detection: { status: 'unknown', looksLike } };
    }
    const container: JsonContainer | null = first?.container ?? (reader.pages() > 0 || context ? 'page' : sniffed.head.trimStart().startsWith('[') ? 'array' : null);
    const detection = detectJsonKind({ container, context, first: first?.value ?? null, firstKeys: first?.keys ?? [] });
    if (detection.status !== 'detected') {
      reader.destroy();
      return { status: 'undetected', detection };
    }
    kind = detection.kind;
  }

  try {
    const result = await inFileTransaction(db, source, kind, { encoding: sniffed.encoding, delimiter: '' }, tally, async (fileId) => {
      const handler = recordHandler(kind, db, fileId, context);
      // Outside NDJSON the position is the record's ordinal, stored where CSV rows keep a line
      // number; the reason says so, and gives the line the record starts on.
      const at = (e: { position: number; line: number }): string => (reader.positionKind === 'record' ? `record ${n(e.position)} (line ${n(e.line)}): ` : '');
      let cut = false;
      const report = (): void => ctx.onProgress({ bytes: reader.bytesRead(), totalBytes: source.size, rows: tally.rowsRead });

      const process = (e: JsonEvent): void => {
        if (e.type === 'invalid') {
          if (e.partialRecord || reader.positionKind === 'line') tally.rowsRead++;
          tally.reject(e.position, `${at(e)}${e.reason}`);
          if (e.truncated) {
            cut = true;
            tally.warn(`The file ends in the middle of a JSON value (truncated?): the complete records before the cut were imported, the rest of the export is missing.`);
          } else if (reader.positionKind === 'record') {
            tally.warn(`The file is ${e.reason}: the records before that point were imported, nothing after it.`);
          }
          return;
        }
        tally.rowsRead++;
        if (e.type === 'notObject') {
          tally.reject(e.position, `${at(e)}${e.what}, not an object`);
        } else {
          const r = handler.handle(e.record.value, e.position, e.record.context);
          if (r.status === 'imported') {
            tally.accept(r.timeMs);
            // A document that holds many rows (the Azure IP ranges file) counts them, not itself.
            if (r.rows != null) tally.imported += r.rows - 1;
          }
          else if (r.status === 'duplicate') tally.duplicates++;
          else tally.reject(e.position, `${at(e)}${r.reason}`);
        }
        if (tally.rowsRead % BATCH === 0) {
          if (signal.aborted) throw new CancelledError();
          report();
        }
      };

      for (const e of ahead.events) process(e);
      for await (const batch of reader.batches) for (const e of batch) process(e);
      if (signal.aborted) throw new CancelledError();
      report();

      if (reader.lastPageNextLink()) {
        tally.flag('more_pages', 'The export has more pages that were not downloaded: its last page has an @odata.nextLink. Page through to the end (or use -All) and export again.');
      }
      if (kind === 'signins.portal.json' && !cut && PORTAL_CAPS.includes(tally.rowsRead)) {
        tally.flag(
          'truncated_at_cap',
          `Exactly ${n(tally.rowsRead)} records: the portal caps downloads at this size, so this export is probably cut off. Export by shorter date ranges or through the Graph API.`,
        );
      }
      if (tally.duplicates > 0) tally.warn(`${n(tally.duplicates)} ${handler.noun} were already in the engagement (overlapping exports); each is counted once.`);
      if (tally.rowsRead === 0) tally.warn('The file holds no records.');
      handler.finish((message, flag) => (flag ? tally.flag(flag, message) : tally.warn(message)));
      return { sha256: reader.sha256() };
    });
    return { kind, ...result };
  } catch (err) {
    reader.destroy();
    throw err;
  }
}
