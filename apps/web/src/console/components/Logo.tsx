/** The Red Engine mark: a golden five-pointed star on party red. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="re-logo-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#e8243f" />
          <stop offset="1" stopColor="#a50d25" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="14" fill="url(#re-logo-bg)" />
      <path
        fill="#ffd666"
        d="M32 11l5.9 12.6 13.8 1.7-10.2 9.5 2.7 13.7L32 41.7l-12.2 6.8 2.7-13.7-10.2-9.5 13.8-1.7z"
      />
    </svg>
  );
}
