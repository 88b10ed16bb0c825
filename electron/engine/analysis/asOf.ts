/** The instant the analysis judges "as of" a date: the end of that day, UTC. NaN when the date is not one. */
export function endOfDayMs(asOf: string): number {
  return Date.parse(`${asOf.slice(0, 10)}T23:59:59Z`);
}

/**
 * The analysis's "as of" instant: the end of the engagement's as-of day; without a valid one, the
 * last sign-in of the evidence; without sign-ins, now. One function, so a status in the detail
 * panel, a finding and a readiness verdict are judged at the same instant.
 */
export function asOfInstant(asOf: string | null | undefined, windowTo: string | null | undefined): number {
  const day = asOf ? endOfDayMs(asOf) : Number.NaN;
  if (Number.isFinite(day)) return day;
  return windowTo ? Date.parse(windowTo) : Date.now();
}
