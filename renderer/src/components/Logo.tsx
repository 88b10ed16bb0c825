/** The product mark: a shield over a node graph, drawn inline so it needs no image source. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path className="logo-shield" d="M16 2.5 4.5 6.8v8.4c0 7 4.8 12.6 11.5 14.3 6.7-1.7 11.5-7.3 11.5-14.3V6.8Z" />
      <circle className="logo-node" cx="11.5" cy="12.5" r="2.3" />
      <circle className="logo-node" cx="20.5" cy="12.5" r="2.3" />
      <circle className="logo-node" cx="16" cy="20.5" r="2.3" />
      <path className="logo-edge" d="m12.7 14.5 2.4 4.1m5.3-4.1-2.4 4.1M13.8 12.5h4.4" />
    </svg>
  );
}
