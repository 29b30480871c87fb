/** Colours as Excel reports them ("#RRGGBB"), from what the add-in may write. */
import { MemOfficeError } from '../errors';

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  silver: '#C0C0C0',
  purple: '#800080',
  pink: '#FFC0CB',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
  navy: '#000080',
  maroon: '#800000',
  teal: '#008080',
  olive: '#808000',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
};

/** Excel reports colors as "#RRGGBB"; accept that, "#RGB" and common HTML color names. */
export function normalizeColor(c: string): string {
  const s = c.trim();
  const m6 = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m6) return '#' + m6[1].toUpperCase();
  const m3 = /^#([0-9a-f]{3})$/i.exec(s);
  if (m3)
    return (
      '#' +
      m3[1]
        .split('')
        .map((x) => x + x)
        .join('')
        .toUpperCase()
    );
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  throw new MemOfficeError('InvalidArgument', `Invalid color: ${c}`);
}
