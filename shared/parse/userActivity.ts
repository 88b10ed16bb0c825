import { isRecord, parseJsonCell, propText } from './cells';
import type { HeaderIndex } from './headers';
import { picker } from './headers';
import { isoFromMs, parseTimestamp, type DateOrder } from './values';

/**
 * The last sign-in columns of the "Download users (Preview)" export. Microsoft documents that
 * "columns derived from complex properties are exported as the entire complex property", so a
 * "Last interactive sign-in date" cell may hold the whole Graph `signInActivity` object as JSON,
 * or just a date.
 */
export const USER_ACTIVITY_COLUMNS = {
  interactive: ['last interactive sign-in date', 'last interactive sign-in', 'last sign-in date', 'signinactivity', 'sign-in activity'],
  nonInteractive: ['last non-interactive sign-in date', 'last non-interactive sign-in'],
  successful: ['last successful sign-in date', 'last successful sign-in'],
} as const satisfies Record<string, readonly string[]>;

export const KNOWN_USER_ACTIVITY_HEADERS: ReadonlySet<string> = new Set(Object.values(USER_ACTIVITY_COLUMNS).flat());

export interface SignInActivity {
  /** ISO-8601 UTC, or null when the cell was empty or unreadable. */
  lastInteractive: string | null;
  lastNonInteractive: string | null;
  lastSuccessful: string | null;
}

type Slot = keyof SignInActivity;

/** Graph property names inside a `signInActivity` object, for each slot. */
const OBJECT_PROPERTIES: Record<Slot, string> = {
  lastInteractive: 'lastSignInDateTime',
  lastNonInteractive: 'lastNonInteractiveSignInDateTime',
  lastSuccessful: 'lastSuccessfulSignInDateTime',
};

const SLOT_OF_FIELD: Record<keyof typeof USER_ACTIVITY_COLUMNS, Slot> = {
  interactive: 'lastInteractive',
  nonInteractive: 'lastNonInteractive',
  successful: 'lastSuccessful',
};

/** Reads one row's sign-in activity from whichever activity columns the file has; null when it has none with a value. */
export function userActivityMapper(index: HeaderIndex): ((row: readonly string[], order: DateOrder) => SignInActivity | null) | null {
  const pickers = (Object.keys(USER_ACTIVITY_COLUMNS) as (keyof typeof USER_ACTIVITY_COLUMNS)[])
    .map((field) => ({ slot: SLOT_OF_FIELD[field], pick: picker(index, USER_ACTIVITY_COLUMNS[field]) }))
    .filter((p) => p.pick != null);
  if (pickers.length === 0) return null;
  return (row, order) => {
    const out: SignInActivity = { lastInteractive: null, lastNonInteractive: null, lastSuccessful: null };
    for (const { slot, pick } of pickers) {
      const raw = pick?.(row);
      const json = parseJsonCell(raw);
      if (isRecord(json)) {
        // The whole object: it fills every slot it knows, whichever column it sits in.
        for (const s of Object.keys(OBJECT_PROPERTIES) as Slot[]) {
          out[s] ??= isoFromMs(parseTimestamp(propText(json, OBJECT_PROPERTIES[s]), order));
        }
      } else if (json === undefined) {
        out[slot] ??= isoFromMs(parseTimestamp(raw, order));
      }
    }
    return out.lastInteractive || out.lastNonInteractive || out.lastSuccessful ? out : null;
  };
}
