import { z } from 'zod';
import type { StateFs } from './files';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface WindowDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** What BrowserWindow is created with; without x and y Electron centres the window itself. */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A damaged or hand-edited file is ignored: the window then opens at its defaults. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text == null) return null;
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A saved window counts as on a display when enough of it is there to grab its title bar. */
const GRAB = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The display showing most of the saved window, if any shows enough of it. */
function displayOf(saved: Rect, displays: readonly Rect[]): Rect | null {
  let best: Rect | null = null;
  let bestArea = 0;
  for (const d of displays) {
    const o = overlap(saved, d);
    if (o.width < Math.min(GRAB.width, saved.width) || o.height < Math.min(GRAB.height, saved.height)) continue;
    if (o.width * o.height > bestArea) {
      best = d;
      bestArea = o.width * o.height;
    }
  }
  return best;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

/**
 * Where to open the window: the saved bounds if a display still shows them (a monitor may have been
 * unplugged, or the resolution lowered), fitted inside that display's work area; otherwise the saved
 * or default size centred on the primary display (the first one). `displays` are work areas.
 */
export function visibleBounds(saved: WindowState | null, displays: readonly Rect[], defaults: WindowDefaults): InitialBounds {
  const maximized = saved?.maximized ?? false;
  const wanted = { width: saved?.width ?? defaults.width, height: saved?.height ?? defaults.height };
  const primary = displays[0];
  if (!primary) return { ...wanted, maximized };
  const home = saved ? displayOf(saved, displays) : null;
  const area = home ?? primary;
  const width = Math.round(clamp(wanted.width, Math.min(defaults.minWidth, area.width), area.width));
  const height = Math.round(clamp(wanted.height, Math.min(defaults.minHeight, area.height), area.height));
  if (saved && home) {
    return {
      x: Math.round(clamp(saved.x, area.x, area.x + area.width - width)),
      y: Math.round(clamp(saved.y, area.y, area.y + area.height - height)),
      width,
      height,
      maximized,
    };
  }
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height, maximized };
}

/** The window's state to save: its normal (unmaximised) bounds, so un-maximising later goes back there. */
export function windowSnapshot(win: { getNormalBounds(): Rect; isMaximized(): boolean }): WindowState {
  const b = win.getNormalBounds();
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: win.isMaximized() };
}

/** The window-state file in userData. Saves run one after another; the last one wins. */
export class WindowStateFile {
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: StateFs,
    private readonly file: string,
  ) {}

  async load(): Promise<WindowState | null> {
    try {
      return parseWindowState(await this.fs.read(this.file));
    } catch {
      return null;
    }
  }

  save(state: WindowState): Promise<void> {
    const text = `${JSON.stringify(WindowStateSchema.parse(state))}\n`;
    // Losing a window position is not worth an error dialog: a failed save is dropped.
    this.last = this.last.then(() => this.fs.write(this.file, text)).catch(() => undefined);
    return this.last;
  }

  idle(): Promise<void> {
    return this.last;
  }
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Resizing fires dozens of events a second; save once it settles, and at once when asked (on close). */
export function debounced(fn: () => void, ms: number, timers: Timers = { setTimeout: (f, t) => setTimeout(f, t), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }) {
  let handle: unknown = null;
  const cancel = (): void => {
    if (handle != null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    schedule: (): void => {
      cancel();
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    flush: (): void => {
      const waiting = handle != null;
      cancel();
      if (waiting) fn();
    },
    cancel,
  };
}
