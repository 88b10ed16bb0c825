import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** What the button says (its accessible name); `panelLabel` names the panel it opens. */
  label: ReactNode;
  panelLabel: string;
  onOpen?: () => void;
  /** The panel's content; `close` hides it and gives the focus back to the button. */
  children: (close: () => void) => ReactNode;
  testId?: string;
}

/**
 * A button that opens a small non-modal panel below it (a disclosure): the first control in the
 * panel takes the focus, Escape closes it and gives the focus back to the button, and a click or
 * the focus moving elsewhere closes it.
 */
export function MenuButton({ label, panelLabel, onOpen, children, testId }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>('input:not(:disabled), button:not(:disabled), select, [tabindex="0"]')?.focus();
    const outside = (e: PointerEvent): void => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div
      className="menu"
      ref={wrapRef}
      data-testid={testId}
      data-open={open}
      onBlur={(e) => {
        // Tabbing out of the panel closes it; a click elsewhere is handled by the pointer listener.
        if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small menu-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {label}
        <svg className="menu-caret" viewBox="0 0 10 6" aria-hidden="true" focusable="false">
          <path d="M1 1l4 4 4-4" />
        </svg>
      </button>
      <div ref={panelRef} id={`${id}-panel`} className="menu-panel card" role="dialog" aria-label={panelLabel} hidden={!open}>
        {open && children(close)}
      </div>
    </div>
  );
}
