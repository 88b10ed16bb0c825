import { WEB_PREFERENCES } from './security';

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * The main window's constructor options. The caller chooses only where the window goes and the
 * preload path; the security preferences are fixed here, where the tests can see them.
 */
export function mainWindowOptions(o: { placement: WindowPlacement; minWidth: number; minHeight: number; preload: string }) {
  return {
    ...o.placement,
    minWidth: o.minWidth,
    minHeight: o.minHeight,
    // Shown on ready-to-show, so the window never flashes an empty page.
    show: false,
    // Only the first title: the page's document.title follows the open engagement, and main never
    // prevents 'page-title-updated', so the window shows it.
    title: 'nhi-audit',
    webPreferences: { ...WEB_PREFERENCES, preload: o.preload },
  };
}
