// resource.Quantity as the API server reads and writes it: `100m` CPU, `128Mi` memory, `1e3`, `0.5`.
// Values are plain numbers in base units (cores, bytes), which is exact enough for what we compare.

import { remember } from './bounded-memo.js';

export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** The error text the API server gives for a value it cannot read as a quantity. */
export class QuantityFormatError extends Error {
  constructor(message = `quantities must match the regular expression '${QUANTITY_REGEX}'`) {
    super(message);
    this.name = 'QuantityFormatError';
  }
}

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

interface ParsedQuantity {
  value: number;
  format: QuantityFormat;
}

/** Parsed quantities by their text: thousands of Pods repeat the same few (`100m`, `64Mi`). */
const parsedTexts = new Map<string, ParsedQuantity>();

function parseParts(q: string | number): ParsedQuantity {
  if (typeof q === 'number') {
    if (!Number.isFinite(q)) throw new QuantityFormatError();
    return { value: q, format: 'DecimalSI' };
  }
  // A text that does not parse throws from parseText, and is not remembered.
  return remember(parsedTexts, q, parseText, 1024);
}

function parseText(q: string): ParsedQuantity {
  const s = q.trim();
  const match = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(s);
  if (!match) throw new QuantityFormatError();
  const [, numberPart, suffix] = match;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(numberPart)) throw new QuantityFormatError();
  const mantissa = Number(numberPart);
  if (suffix in binary) return Object.freeze({ value: mantissa * binary[suffix], format: 'BinarySI' });
  if (suffix in decimal) return Object.freeze({ value: mantissa * 10 ** decimal[suffix], format: 'DecimalSI' });
  const exponent = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (exponent) return Object.freeze({ value: mantissa * 10 ** Number(exponent[1]), format: 'DecimalExponent' });
  throw new QuantityFormatError("unable to parse quantity's suffix");
}

/** A quantity in base units and the format `Quantity.String()` keeps for it (binary for `Mi`, …). */
export function parseQuantityWithFormat(q: string | number): { value: number; format: QuantityFormat } {
  return parseParts(q);
}

/** A quantity in base units: `100m` → 0.1, `128Mi` → 134217728, `1G` → 1e9, `1e3` → 1000. */
export function parseQuantity(q: string | number): number {
  return parseParts(q).value;
}

/** True when `parseQuantity` would accept the value. */
export function isQuantity(q: unknown): q is string | number {
  if (typeof q !== 'string' && typeof q !== 'number') return false;
  try {
    parseParts(q);
    return true;
  } catch {
    return false;
  }
}

/** Rounds away binary floating-point noise (0.1 * 3) without losing nano precision. */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

function formatDecimal(value: number, exponentStyle: boolean): string {
  if (value === 0) return '0';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  // Whole amounts are exact as BigInt; fractions keep nano precision at most and round up, as Go does.
  let mantissa = Number.isInteger(abs) ? BigInt(abs) : BigInt(Math.ceil(clean(abs * 1e9)));
  let exp = Number.isInteger(abs) ? 0 : -9;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  if (exponentStyle) return exp === 0 ? `${sign}${mantissa}` : `${sign}${mantissa}e${exp}`;
  const suffix = Object.keys(decimal).find((k) => decimal[k] === exp) ?? '';
  return `${sign}${mantissa}${suffix}`;
}

function formatBinary(value: number): string {
  const abs = Math.abs(value);
  // Small or fractional amounts would need rounding in base 1024, so Go prints them in decimal.
  if (abs < 1024 || !Number.isInteger(abs)) return formatDecimal(value, false);
  let mantissa = BigInt(abs);
  let suffix = '';
  for (const s of ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']) {
    if (mantissa % 1024n !== 0n) break;
    mantissa /= 1024n;
    suffix = s;
  }
  return `${value < 0 ? '-' : ''}${mantissa}${suffix}`;
}

/** The canonical text for an amount: `0.1` → `100m`, 134217728 (BinarySI) → `128Mi`, 1e9 → `1G`. */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  if (format === 'BinarySI') return formatBinary(value);
  return formatDecimal(value, format === 'DecimalExponent');
}

/** What `Quantity.String()` prints for a value as written in a manifest: `0.5` → `500m`, `1024Mi` → `1Gi`. */
export function canonicalQuantity(q: string | number): string {
  const { value, format } = parseParts(q);
  return formatQuantity(value, format);
}

/** For printers: `canonicalQuantity` of a present value, `0` for none, the raw text for a malformed one. */
export function quantityString(q: unknown): string {
  if (typeof q !== 'string' && typeof q !== 'number') return '0';
  try {
    return canonicalQuantity(q);
  } catch {
    return String(q);
  }
}
