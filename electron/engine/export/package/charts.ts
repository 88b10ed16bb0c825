/** Bar and column charts (xl/charts/chartN.xml) and the sheet drawing that places them. */
import { escapeAttr, escapeText, MAX_COL, MAX_ROW, NS, XML_DECLARATION } from './ooxml';

export interface ChartSeries {
  name: string;
  /** The values' cells, e.g. "'Summary'!$B$20:$B$27". */
  ref: string;
  /** What those cells hold, cached in the chart so viewers draw it without recalculating. */
  values: readonly number[];
  /** 'RRGGBB'; a palette colour by position otherwise. */
  color?: string;
}

export interface ChartSpec {
  /** 'bar' draws horizontal bars, first category on top; 'column' vertical ones, first category on the left. */
  kind: 'bar' | 'column';
  stacked?: boolean;
  title: string;
  /** The category labels' cells and what they hold. */
  categories: { ref: string; values: readonly string[] };
  series: readonly ChartSeries[];
  /** Values written on the bars. Default off. */
  dataLabels?: boolean;
  /** Default: shown when there is more than one series. */
  legend?: boolean;
  /** Value axis format. Default '#,##0'. */
  numberFormat?: string;
}

/** Zero-based cells: the chart spans from the top-left corner of `from` to the top-left corner of `to`. */
export interface ChartAnchor {
  fromCol: number;
  fromRow: number;
  toCol: number;
  toRow: number;
}

const PALETTE = ['1F3A5F', 'E4572E', 'F2B33D', '4C9A2A', '9BC1E8', '8B1A10', '6B7280', 'B07AA1'] as const;
const COLOR = /^[0-9A-Fa-f]{6}$/u;

export function validateChart(spec: ChartSpec, anchor: ChartAnchor): void {
  const fail = (why: string): Error => new Error(`Chart '${spec.title}': ${why}`);
  const { fromCol, fromRow, toCol, toRow } = anchor;
  const cells = [fromCol, fromRow, toCol, toRow];
  if (!cells.every((n) => Number.isInteger(n) && n >= 0) || toCol > MAX_COL || toRow > MAX_ROW) throw fail('the anchor needs zero-based whole cell numbers inside the sheet.');
  if (toCol <= fromCol || toRow <= fromRow) throw fail('the anchor must end right of and below where it starts.');
  if (spec.series.length === 0) throw fail('a chart needs at least one series.');
  if (!spec.categories.ref.includes('!')) throw fail(`category ref '${spec.categories.ref}' needs a sheet, as in 'Summary'!$A$2:$A$9.`);
  const n = spec.categories.values.length;
  for (const s of spec.series) {
    if (!s.ref.includes('!')) throw fail(`series '${s.name}' ref '${s.ref}' needs a sheet, as in 'Summary'!$B$2:$B$9.`);
    if (s.values.length !== n) throw fail(`series '${s.name}' has ${s.values.length} values for ${n} categories.`);
    if (!s.values.every(Number.isFinite)) throw fail(`series '${s.name}' has a value that is not a finite number.`);
    if (s.color !== undefined && !COLOR.test(s.color)) throw fail(`series '${s.name}' colour '${s.color}' is not RRGGBB.`);
  }
}

const val = (tag: string, v: string | number): string => `<c:${tag} val="${v}"/>`;

function richText(text: string, size: number, bold: boolean): string {
  const run = `sz="${size}" b="${bold ? 1 : 0}"`;
  return `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr ${run}/></a:pPr><a:r><a:rPr lang="en-US" ${run}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich>`;
}

function strCache(values: readonly string[]): string {
  return `<c:strCache>${val('ptCount', values.length)}${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: readonly number[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode>${val('ptCount', values.length)}${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;
}

function seriesXml(spec: ChartSpec, s: ChartSeries, i: number): string {
  const color = (s.color ?? PALETTE[i % PALETTE.length] ?? PALETTE[0]).toUpperCase();
  return (
    `<c:ser>${val('idx', i)}${val('order', i)}<c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>${val('invertIfNegative', 0)}` +
    `<c:cat><c:strRef><c:f>${escapeText(spec.categories.ref)}</c:f>${strCache(spec.categories.values)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(s.ref)}</c:f>${numCache(s.values)}</c:numRef></c:val></c:ser>`
  );
}

function dataLabels(): string {
  return `<c:dLbls>${val('showLegendKey', 0)}${val('showVal', 1)}${val('showCatName', 0)}${val('showSerName', 0)}${val('showPercent', 0)}${val('showBubbleSize', 0)}</c:dLbls>`;
}

/**
 * xl/charts/chartN.xml. `axisId` gives the chart's two axis ids (axisId, axisId + 1), which the
 * bar chart and its axes must agree on. For horizontal bars the category axis runs top-down so
 * the bars read in sheet order, and the value axis then crosses at the bottom ('max').
 */
export function chartXml(spec: ChartSpec, axisId: number): string {
  const cat = axisId;
  const value = axisId + 1;
  const horizontal = spec.kind === 'bar';
  const stacked = spec.stacked === true;
  const legend = spec.legend ?? spec.series.length > 1;
  const format = escapeAttr(spec.numberFormat ?? '#,##0');
  const common = `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.dml}" xmlns:r="${NS.rel}">${val('roundedCorners', 0)}<c:chart>` +
    `<c:title><c:tx>${richText(spec.title, 1200, true)}</c:tx>${val('overlay', 0)}</c:title>${val('autoTitleDeleted', 0)}` +
    '<c:plotArea><c:layout/><c:barChart>' +
    `${val('barDir', horizontal ? 'bar' : 'col')}${val('grouping', stacked ? 'stacked' : 'clustered')}${val('varyColors', 0)}` +
    spec.series.map((s, i) => seriesXml(spec, s, i)).join('') +
    (spec.dataLabels === true ? dataLabels() : '') +
    `${val('gapWidth', 60)}${stacked ? val('overlap', 100) : ''}${val('axId', cat)}${val('axId', value)}</c:barChart>` +
    `<c:catAx>${val('axId', cat)}<c:scaling>${val('orientation', horizontal ? 'maxMin' : 'minMax')}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', horizontal ? 'l' : 'b')}<c:numFmt formatCode="General" sourceLinked="0"/>${common}` +
    `${val('crossAx', value)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>` +
    `<c:valAx>${val('axId', value)}<c:scaling>${val('orientation', 'minMax')}</c:scaling>${val('delete', 0)}` +
    `${val('axPos', horizontal ? 'b' : 'l')}<c:majorGridlines/><c:numFmt formatCode="${format}" sourceLinked="0"/>${common}` +
    `${val('crossAx', cat)}${val('crosses', horizontal ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>` +
    '</c:plotArea>' +
    (legend ? `<c:legend>${val('legendPos', 'b')}${val('overlay', 0)}</c:legend>` : '') +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart></c:chartSpace>`
  );
}

export interface PlacedChart {
  /** N of xl/charts/chartN.xml. */
  part: number;
  anchor: ChartAnchor;
  title: string;
}

const marker = (tag: string, col: number, row: number): string =>
  `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** xl/drawings/drawingN.xml: one anchored frame per chart, the i-th pointing at relationship rId(i+1). */
export function drawingXml(charts: readonly PlacedChart[]): string {
  const anchors = charts.map((c, i) => {
    const { fromCol, fromRow, toCol, toRow } = c.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', fromCol, fromRow)}${marker('to', toCol, toRow)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeAttr(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return XML_DECLARATION + `<xdr:wsDr xmlns:xdr="${NS.drawing}" xmlns:a="${NS.dml}" xmlns:r="${NS.rel}">${anchors.join('')}</xdr:wsDr>`;
}

/** xl/drawings/_rels/drawingN.xml.rels, matching `drawingXml`'s ids. */
export function drawingRelsXml(charts: readonly PlacedChart[], chartRelType: string): string {
  const rels = charts.map((c, i) => `<Relationship Id="rId${i + 1}" Type="${chartRelType}" Target="../charts/chart${c.part}.xml"/>`);
  return XML_DECLARATION + `<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`;
}
