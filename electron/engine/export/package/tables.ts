/** Excel tables (ListObjects): the rules Excel enforces on them, checked up front, and their part. */
import { escapeAttr, formatRange, NS, parseRange, rangesOverlap, XML_DECLARATION, type CellRange } from './ooxml';

export interface TableSpec {
  /** Letters, digits and underscores, starting with a letter or underscore; unique in the workbook (case-insensitive). */
  name: string;
  /** The whole table including its header row, e.g. 'A1:H1001'. A header-only ref gets one empty data row, as Excel requires one. */
  ref: string;
  /** Exactly the header cells' texts, left to right: Excel repairs the file when they differ. */
  columns: readonly string[];
  /** Default 'TableStyleLight9'. */
  style?: string;
}

export interface PlannedTable {
  id: number;
  name: string;
  range: CellRange;
  columns: readonly string[];
  style: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/u;
// Names Excel would read as a cell: A1-style (up to three letters and a row) or R1C1-style.
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/u;
const R1C1_LIKE = /^(?:[Rr][0-9]*(?:[Cc][0-9]*)?|[Cc][0-9]*)$/u;
const STYLE = /^[A-Za-z0-9 ]{1,255}$/u;

/**
 * Checks a table against Excel's rules and against the workbook's other tables (`taken`, lower-cased
 * names) and the sheet's (`sheetTables`), and returns it normalised. Throws a message naming the table.
 */
export function planTable(spec: TableSpec, id: number, taken: ReadonlySet<string>, sheetTables: readonly PlannedTable[]): PlannedTable {
  const { name } = spec;
  const fail = (why: string): Error => new Error(`Table '${name}': ${why}`);
  if (!NAME.test(name)) throw fail('a table name has letters, digits and underscores only, starts with a letter or underscore, and has at most 255 characters.');
  if (A1_LIKE.test(name) || R1C1_LIKE.test(name)) throw fail('Excel would read this name as a cell reference.');
  if (taken.has(name.toLowerCase())) throw fail('another table in the workbook already has this name (names are case-insensitive).');
  const parsed = parseRange(spec.ref);
  if (!parsed) throw fail(`'${spec.ref}' is not a cell range such as A1:H1001.`);
  const range = parsed.bottom === parsed.top ? { ...parsed, bottom: parsed.top + 1 } : parsed;
  const width = range.right - range.left + 1;
  if (spec.columns.length !== width) throw fail(`${formatRange(range)} is ${width} columns wide but ${spec.columns.length} column names were given.`);
  const seen = new Set<string>();
  for (const column of spec.columns) {
    if (column.trim() === '') throw fail('a column name is empty; Excel needs a header text in every column.');
    if (column.length > 255) throw fail(`column name '${column.slice(0, 40)}…' is longer than 255 characters.`);
    const key = column.toLowerCase();
    if (seen.has(key)) throw fail(`column name '${column}' appears twice; Excel needs unique column names (case-insensitive).`);
    seen.add(key);
  }
  const style = spec.style ?? 'TableStyleLight9';
  if (!STYLE.test(style)) throw fail(`'${style}' is not a table style name.`);
  const clash = sheetTables.find((t) => rangesOverlap(t.range, range));
  if (clash) throw fail(`${formatRange(range)} overlaps table '${clash.name}' (${formatRange(clash.range)}).`);
  return { id, name, range, columns: [...spec.columns], style };
}

// Excel stores characters an attribute cannot keep (a header's line break) as _xHHHH_.
function columnNameAttr(name: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return escapeAttr(name.replace(/[\u0000-\u001F]/gu, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`));
}

/** xl/tables/tableN.xml. The table carries its own filter buttons. */
export function tableXml(t: PlannedTable): string {
  const ref = formatRange(t.range);
  const columns = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${columnNameAttr(c)}"/>`).join('');
  return (
    XML_DECLARATION +
    `<table xmlns="${NS.main}" id="${t.id}" name="${t.name}" displayName="${t.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}
