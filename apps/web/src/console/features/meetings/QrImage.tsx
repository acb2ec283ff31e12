import type { CSSProperties } from 'react';

/** The server's SVG QR code as an image (an <img> never runs anything inside the markup). */
export function QrImage({
  svg,
  label,
  size,
  className,
  style,
}: {
  svg: string;
  label: string;
  size?: number | string;
  className?: string;
  style?: CSSProperties;
}) {
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={label}
      aria-label={label}
      className={className}
      style={{ width: size, height: size, ...style }}
      draggable={false}
    />
  );
}
