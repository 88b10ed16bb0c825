/**
 * Address ranges (CIDR prefixes, IPv4 and IPv6) and the question asked of them: which range, if
 * any, holds an address. Ranges are kept as sorted, merged intervals of BigInt, so a lookup is a
 * binary search whatever the number of prefixes (Azure publishes thousands).
 */
export interface RangeHit {
  label: string;
}

interface Interval {
  start: bigint;
  end: bigint;
  label: string;
}

const V4_BITS = 32n;
const V6_BITS = 128n;

/** An address as an integer and its family's width; null when it is not an address. */
export function parseAddress(text: string): { value: bigint; bits: bigint } | null {
  const s = text.trim();
  if (s.includes(':')) return parseV6(s);
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/u.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return { value: v, bits: V4_BITS };
}

function parseV6(s: string): { value: bigint; bits: bigint } | null {
  const zone = s.indexOf('%');
  const text = zone >= 0 ? s.slice(0, zone) : s;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): string[] | null => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return null;
  // An embedded IPv4 tail (::ffff:1.2.3.4) is two groups.
  const last = tail.length > 0 ? tail[tail.length - 1] : head[head.length - 1];
  const words: number[] = [];
  const push = (list: string[]): boolean => {
    for (const g of list) {
      if (g.includes('.')) {
        const v4 = parseAddress(g);
        if (!v4 || g !== last) return false;
        words.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
        continue;
      }
      if (!/^[0-9a-f]{1,4}$/iu.test(g)) return false;
      words.push(Number.parseInt(g, 16));
    }
    return true;
  };
  const headWords: number[] = [];
  if (!push(head)) return null;
  headWords.push(...words.splice(0));
  if (!push(tail)) return null;
  const tailWords = words.splice(0);
  const missing = 8 - headWords.length - tailWords.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...headWords, ...new Array<number>(missing).fill(0), ...tailWords];
  let v = 0n;
  for (const w of all) v = (v << 16n) | BigInt(w);
  return { value: v, bits: V6_BITS };
}

/**
 * Prefixes grouped by label (a service tag): within one label they are merged into disjoint,
 * sorted intervals, so each label answers by binary search; nested labels (a region inside
 * AzureCloud) are told apart by answering with the narrowest range that holds the address.
 */
export class AddressRanges {
  private readonly byLabel = new Map<string, { v4: Interval[]; v6: Interval[] }>();
  private dirty = false;
  private count = 0;

  /** Adds a CIDR prefix; returns false when it is not one. */
  add(prefix: string, label: string): boolean {
    const [addr, len] = prefix.split('/');
    const a = addr ? parseAddress(addr) : null;
    const n = len != null && /^\d{1,3}$/u.test(len) ? BigInt(len) : null;
    if (!a || n == null || n > a.bits) return false;
    const hostBits = a.bits - n;
    const start = (a.value >> hostBits) << hostBits;
    const end = start + (1n << hostBits) - 1n;
    let lists = this.byLabel.get(label);
    if (!lists) this.byLabel.set(label, (lists = { v4: [], v6: [] }));
    (a.bits === V4_BITS ? lists.v4 : lists.v6).push({ start, end, label });
    this.dirty = true;
    this.count++;
    return true;
  }

  /** Prefixes added. */
  get size(): number {
    return this.count;
  }

  /** The label of the narrowest range holding the address, or null. */
  find(address: string): RangeHit | null {
    const a = parseAddress(address);
    if (!a) return null;
    if (this.dirty) this.merge();
    let best: Interval | null = null;
    for (const lists of this.byLabel.values()) {
      const hit = search(a.bits === V4_BITS ? lists.v4 : lists.v6, a.value);
      if (hit && (!best || hit.end - hit.start < best.end - best.start)) best = hit;
    }
    return best ? { label: best.label } : null;
  }

  private merge(): void {
    for (const lists of this.byLabel.values()) {
      lists.v4 = mergeIntervals(lists.v4);
      lists.v6 = mergeIntervals(lists.v6);
    }
    this.dirty = false;
  }
}

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const out: Interval[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1n) {
      if (r.end > last.end) last.end = r.end;
    } else out.push({ ...r });
  }
  return out;
}

function search(list: readonly Interval[], value: bigint): Interval | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid] as Interval;
    if (value < r.start) hi = mid - 1;
    else if (value > r.end) lo = mid + 1;
    else return r;
  }
  return null;
}
