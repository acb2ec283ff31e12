export function BrandMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="rgba(255,255,255,0.16)" />
      <path
        fill="#ffd666"
        d="M32 11l5.9 12.6 13.8 1.7-10.2 9.5 2.7 13.7L32 41.7l-12.2 6.8 2.7-13.7-10.2-9.5 13.8-1.7z"
      />
    </svg>
  );
}
