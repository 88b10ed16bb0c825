import { useRef } from 'react';
import { formatCount } from '../format';
import { TABS, type Tab } from '../stores/viewStore';

const LABELS: Record<Tab, string> = {
  overview: 'Overview',
  identities: 'Identities',
  readiness: 'Readiness',
  findings: 'Findings',
  sources: 'Sources',
  settings: 'Settings',
};

export const tabId = (tab: Tab): string => `tab-${tab}`;
export const panelId = (tab: Tab): string => `panel-${tab}`;

/** Where a key moves in the ARIA tabs pattern: Left and Right wrap around, Home and End go to the ends. */
export function tabForKey(from: Tab, key: string): Tab | null {
  const at = TABS.indexOf(from);
  const to: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 };
  const index = to[key];
  return index == null ? null : (TABS[index % TABS.length] ?? null);
}

/**
 * The engagement's views as ARIA tabs: one tab stop (the selected tab), the arrows, Home and End
 * select and focus another, each tab names the panel it controls. The panel is the caller's, with
 * the id `panelId(current)`, labelled by `tabId(current)`.
 */
export function ViewTabs({ current, counts, onSelect }: { current: Tab; counts: Partial<Record<Tab, number>>; onSelect: (tab: Tab) => void }) {
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());
  return (
    <div className="tabs" role="tablist" aria-label="Engagement views">
      {TABS.map((tab) => {
        const selected = tab === current;
        const count = counts[tab];
        return (
          <button
            key={tab}
            ref={(el) => {
              if (el) buttons.current.set(tab, el);
              else buttons.current.delete(tab);
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            aria-selected={selected}
            aria-controls={panelId(tab)}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab)}
            onKeyDown={(e) => {
              const next = tabForKey(tab, e.key);
              if (!next || e.altKey || e.ctrlKey || e.metaKey) return;
              e.preventDefault();
              onSelect(next);
              buttons.current.get(next)?.focus();
            }}
          >
            {LABELS[tab]}
            {count != null && <span className="tab-count">{formatCount(count)}</span>}
          </button>
        );
      })}
    </div>
  );
}
