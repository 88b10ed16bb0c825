/**
 * A copy of `s` that does not keep a larger string alive. V8 represents a substring as a view into
 * its parent, so a short value cut from a 1 MB chunk of CSV text and kept in a long-lived map would
 * pin the whole chunk; flattening a concatenation makes a fresh string of the value's own size.
 */
export function detach(s: string): string {
  return ` ${s}`.slice(1);
}
