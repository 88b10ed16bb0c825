import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { CATALOGUE_COPIES } from '../../support/paths';

export const CATALOGUES = CATALOGUE_COPIES;

export const tempDir = (label: string): Promise<string> => mkdtemp(join(tmpdir(), `nhi-sample-${label}-`));

export async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** RFC 4180 parse of a whole (test-sized) CSV file; the first row is the header. */
export async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = await readFile(path, 'utf8');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}

/** Rows as objects keyed by header name; for headers that repeat, the first column wins. */
export function records(csv: { header: string[]; rows: string[][] }): Record<string, string>[] {
  return csv.rows.map((row) => {
    const rec: Record<string, string> = {};
    csv.header.forEach((h, i) => {
      if (!(h in rec)) rec[h] = row[i] ?? '';
    });
    return rec;
  });
}

export async function readJsonValue(path: string): Promise<Record<string, unknown>[]> {
  const body = JSON.parse(await readFile(path, 'utf8')) as { value: Record<string, unknown>[] };
  return body.value;
}

/** The AzureCloud prefixes (global and regional) of a service tags download. */
export async function readServiceTagPrefixes(path: string): Promise<string[]> {
  const body = JSON.parse(await readFile(path, 'utf8')) as { values: { id: string; properties: { addressPrefixes: string[] } }[] };
  return body.values.filter((v) => v.id.startsWith('AzureCloud')).flatMap((v) => v.properties.addressPrefixes);
}

/** First column of a catalogue CSV (all of them start with the id), lower-cased. */
export async function catalogueIds(file: string, column = 0): Promise<Set<string>> {
  const { rows } = await readCsv(join(CATALOGUES, file));
  return new Set(rows.map((r) => (r[column] ?? '').toLowerCase()));
}
