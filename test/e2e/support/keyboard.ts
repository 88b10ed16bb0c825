import type { Locator, Page } from '@playwright/test';
import { expect } from '../../support/e2eFixtures';

/** What the focused element shows: its outline, and the theme's focus colour it should be drawn in. */
interface FocusRing {
  element: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
  focusColor: string;
}

/** The focused element's outline next to the theme's `--focus` colour, both as the browser resolves them. */
export async function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    const style = getComputedStyle(el);
    // Resolve the token through a probe so both colours come back in the same notation.
    const probe = document.createElement('span');
    probe.style.color = 'var(--focus)';
    document.body.append(probe);
    const focusColor = getComputedStyle(probe).color;
    probe.remove();
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return {
      element: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${name}"`,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      focusColor,
    };
  });
}

/** The focused element draws the theme's focus ring (2px or more, in `--focus`). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await focusRing(page);
  expect(ring, 'something has the focus').not.toBeNull();
  if (!ring) return;
  expect(ring.outlineStyle, `focus ring of ${ring.element}`).not.toBe('none');
  expect(ring.outlineWidth, `focus ring width of ${ring.element}`).toBeGreaterThanOrEqual(2);
  expect(ring.outlineColor, `focus ring colour of ${ring.element}`).toBe(ring.focusColor);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking on the way that every element
 * the focus lands on shows the focus ring. Fails after `max` presses.
 */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 40); i++) {
    await page.keyboard.press(key);
    if (await focusRing(page)) await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}
