import { cellValue, type CellChunk } from '../csvTokenizer';
import { detach } from '../../../../shared/parse/detach';

/** First character of a key holding a cell too long for a length mark. */
const LONG_MARK = '\uffff';

/**
 * Remembers, per value group, which id each combination of a row's cells was given: a combination
 * seen before, which is nearly every row of a big file, costs one lookup and is never mapped.
 */
export class CellGroupCache {
  private maps: Map<string, number>[];
  private key = '';
  /** Combinations remembered, all groups together. */
  size = 0;

  constructor(private readonly columns: readonly (readonly number[])[]) {
    this.maps = columns.map(() => new Map<string, number>());
  }

  /** The id remembered for group `g`'s cells in the row whose first cell is `base`. */
  find(g: number, c: CellChunk, base: number): number | undefined {
    this.key = cellKey(c, base, this.columns[g] as readonly number[]);
    return (this.maps[g] as Map<string, number>).get(this.key);
  }

  /** Remembers `id` for the cells `find` was last asked about (group `g`). */
  remember(g: number, id: number): void {
    (this.maps[g] as Map<string, number>).set(detach(this.key), id);
    this.size++;
  }

  clear(): void {
    this.maps = this.columns.map(() => new Map<string, number>());
    this.size = 0;
  }
}

/**
 * The key of a group's cells in one row: the cell itself for a one-cell group, else one character
 * per cell giving its length, then the cells. Exact whatever the cells contain.
 */
function cellKey(c: CellChunk, base: number, columns: readonly number[]): string {
  if (columns.length === 1) return cellValue(c, base + (columns[0] as number));
  let head = '';
  let body = '';
  for (let i = 0; i < columns.length; i++) {
    const v = cellValue(c, base + (columns[i] as number));
    if (v.length >= 0xffff) return LONG_MARK + JSON.stringify(columns.map((col) => cellValue(c, base + col)));
    head += String.fromCharCode(v.length);
    body += v;
  }
  return head + body;
}
