import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounced, parseWindowState, visibleBounds, WindowStateFile, windowSnapshot, type Rect, type WindowState } from '../../../electron/main/state/windowState';
import { memoryFs } from './memoryFs';

const DEFAULTS = { width: 1360, height: 880, minWidth: 960, minHeight: 600 };
const LAPTOP: Rect = { x: 0, y: 25, width: 1920, height: 1055 };
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = (s: Partial<WindowState>): WindowState => ({ x: 100, y: 120, width: 1400, height: 900, maximized: false, ...s });

describe('window bounds', () => {
  it('opens at the defaults, centred on the primary display, the first time', () => {
    expect(visibleBounds(null, [LAPTOP, RIGHT], DEFAULTS)).toEqual({ x: 280, y: 113, width: 1360, height: 880, maximized: false });
  });

  it('lets Electron centre the window when no display is known', () => {
    expect(visibleBounds(null, [], DEFAULTS)).toEqual({ width: 1360, height: 880, maximized: false });
    expect(visibleBounds(saved({ maximized: true }), [], DEFAULTS)).toEqual({ width: 1400, height: 900, maximized: true });
  });

  it('puts a saved window back where it was, on whichever display', () => {
    expect(visibleBounds(saved({}), [LAPTOP, RIGHT], DEFAULTS)).toEqual(saved({}));
    const onRight = saved({ x: 2200, y: 100, width: 1600, height: 1000 });
    expect(visibleBounds(onRight, [LAPTOP, RIGHT], DEFAULTS)).toEqual(onRight);
    expect(visibleBounds(saved({ maximized: true }), [LAPTOP], DEFAULTS).maximized).toBe(true);
  });

  it('moves a window that hangs off its display back inside the work area', () => {
    // Mostly on the right display, its top edge above the screen and its right side beyond it.
    const b = visibleBounds(saved({ x: 3800, y: -50, width: 1200, height: 800 }), [LAPTOP, RIGHT], DEFAULTS);
    expect(b).toEqual({ x: 3280, y: 0, width: 1200, height: 800, maximized: false });
    // Under the macOS menu bar: the work area starts at y 25.
    expect(visibleBounds(saved({ y: 0 }), [LAPTOP], DEFAULTS).y).toBe(25);
  });

  it('centres the window on the primary display when its display is gone', () => {
    const wasOnRight = saved({ x: 2500, y: 200, width: 1200, height: 800 });
    expect(visibleBounds(wasOnRight, [LAPTOP], DEFAULTS)).toEqual({ x: 360, y: 153, width: 1200, height: 800, maximized: false });
  });

  it('does not count a sliver on a display as visible', () => {
    // Only 50 px of the window reach into the laptop's work area: not enough to grab it.
    const sliver = saved({ x: -1150, y: 100, width: 1200, height: 800 });
    expect(visibleBounds(sliver, [LAPTOP], DEFAULTS).x).toBe(360);
    const grabbable = saved({ x: -1000, y: 100, width: 1200, height: 800 });
    expect(visibleBounds(grabbable, [LAPTOP], DEFAULTS).x).toBe(0);
  });

  it('shrinks a window larger than the display it opens on', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 720 };
    expect(visibleBounds(saved({ x: 0, y: 0, width: 2400, height: 1300 }), [small], DEFAULTS)).toEqual({ x: 0, y: 0, width: 1280, height: 720, maximized: false });
    expect(visibleBounds(null, [small], DEFAULTS)).toEqual({ x: 0, y: 0, width: 1280, height: 720, maximized: false });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 };
    expect(visibleBounds(null, [tiny], DEFAULTS)).toMatchObject({ width: 800, height: 500 });
  });

  it('never opens smaller than the minimum size the display allows', () => {
    expect(visibleBounds(saved({ width: 300, height: 200 }), [LAPTOP], DEFAULTS)).toMatchObject({ width: 960, height: 600 });
  });

  it('gives whole pixels', () => {
    const odd: Rect = { x: 0, y: 0, width: 1921, height: 1081 };
    const b = visibleBounds(null, [odd], DEFAULTS);
    expect([b.x, b.y, b.width, b.height].every(Number.isInteger)).toBe(true);
  });
});

describe('window state file', () => {
  it('accepts only a well-formed state', () => {
    expect(parseWindowState(JSON.stringify(saved({})))).toEqual(saved({}));
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{')).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved({}), width: -5 }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved({}), x: 'left' }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ x: 1, y: 2 }))).toBeNull();
    expect(parseWindowState(JSON.stringify({ ...saved({}), x: 10.5 }))).toBeNull();
  });

  it('saves and loads; a failed save is dropped', async () => {
    const fs = memoryFs();
    const file = new WindowStateFile(fs, '/userData/window-state.json');
    expect(await file.load()).toBeNull();
    await file.save(saved({ maximized: true }));
    expect(await file.load()).toEqual(saved({ maximized: true }));
    fs.failWrites = true;
    await expect(file.save(saved({ x: 5 }))).resolves.toBeUndefined();
    fs.failWrites = false;
    void file.save(saved({ x: 6 }));
    void file.save(saved({ x: 7 }));
    await file.idle();
    expect((await file.load())?.x).toBe(7);
  });

  it('saves the normal bounds of a maximised window, in whole pixels', () => {
    const win = { getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1300, height: 800 }), isMaximized: () => true };
    expect(windowSnapshot(win)).toEqual({ x: 10, y: 21, width: 1300, height: 800, maximized: true });
  });
});

describe('debounced save', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once the moves settle, or at once when flushed, and not after a cancel', () => {
    vi.useFakeTimers();
    const save = vi.fn();
    const d = debounced(save, 500);
    for (let i = 0; i < 20; i += 1) {
      d.schedule();
      vi.advanceTimersByTime(100);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save).toHaveBeenCalledTimes(1);
    d.schedule();
    d.flush();
    expect(save).toHaveBeenCalledTimes(2);
    d.flush();
    expect(save).toHaveBeenCalledTimes(2);
    d.schedule();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
