/**
 * A small radar (spider) chart drawn by hand in SVG: one axis per dimension, rings at 25/50/75/100,
 * one polygon per vendor. Loaded lazily (React.lazy), so it is not part of the pane's first bundle.
 */
export interface RadarSeries {
  name: string;
  /** One value per axis on 0–100; null draws at the centre. */
  values: (number | null)[];
}

const COLORS = [
  "var(--colorBrandForeground1, #0f6cbd)",
  "var(--colorPaletteDarkOrangeForeground1, #c43501)",
  "var(--colorPaletteGreenForeground1, #0e700e)",
];

export default function RadarPreview(props: { title: string; axes: string[]; series: RadarSeries[] }): JSX.Element {
  const { axes, series } = props;
  const size = 300;
  const c = size / 2;
  const r = 80;
  /** Room either side for axis labels such as "Technology" or "Ecosystem". */
  const pad = 40;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, axes.length);
  const point = (i: number, value: number): [number, number] => [c + r * (value / 100) * Math.cos(angle(i)), c + r * (value / 100) * Math.sin(angle(i))];
  const poly = (values: number[]): string => values.map((v, i) => point(i, v).map((n) => n.toFixed(1)).join(",")).join(" ");
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`${-pad} 20 ${size + 2 * pad} ${size - 40}`} width="100%" role="img" aria-label={props.title} style={{ maxWidth: size + 2 * pad, display: "block" }}>
        <title>{props.title}</title>
        {[25, 50, 75, 100].map((ring) => (
          <polygon key={ring} points={poly(axes.map(() => ring))} fill="none" stroke="currentColor" strokeOpacity={0.2} />
        ))}
        {axes.map((label, i) => {
          const [x, y] = point(i, 100);
          const [lx, ly] = point(i, 118);
          const anchor = Math.abs(lx - c) < 4 ? "middle" : lx > c ? "start" : "end";
          return (
            <g key={label}>
              <line x1={c} y1={c} x2={x} y2={y} stroke="currentColor" strokeOpacity={0.3} />
              <text x={lx} y={ly} textAnchor={anchor} dominantBaseline="middle" fontSize={11} fill="currentColor">
                {label}
              </text>
            </g>
          );
        })}
        {series.map((s, k) => (
          <polygon
            key={s.name}
            points={poly(s.values.map((v) => v ?? 0))}
            fill={COLORS[k % COLORS.length]}
            fillOpacity={0.15}
            stroke={COLORS[k % COLORS.length]}
            strokeWidth={2}
          />
        ))}
      </svg>
      <figcaption style={{ display: "flex", flexWrap: "wrap", gap: 10, fontSize: 12 }}>
        {series.map((s, k) => (
          <span key={s.name} style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={COLORS[k % COLORS.length]} />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
