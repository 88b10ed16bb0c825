/**
 * The ✕ of a dialog or a panel: an icon button named by `label`. Drawn, not typed, so the name is the
 * only text a screen reader or a voice command meets, whatever the font has for "✕".
 */
export function CloseButton({ label, onClick, small = false }: { label: string; onClick: () => void; small?: boolean }) {
  return (
    <button type="button" className={small ? 'btn btn-ghost btn-small btn-icon' : 'btn btn-ghost btn-icon'} onClick={onClick} aria-label={label}>
      <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="M3 3l6 6M9 3l-6 6" />
      </svg>
    </button>
  );
}
