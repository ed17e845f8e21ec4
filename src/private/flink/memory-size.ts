/**
 * Flink's `MemorySize` semantics (flink-core, `org.apache.flink.configuration.MemorySize`),
 * reimplemented with exact 64-bit byte counts held in `bigint`.
 *
 * Values above 2^53 do occur in the memory derivation (the network and managed maximums can be
 * `Long.MAX_VALUE`), so byte counts are never held in a JavaScript `number` here. This module
 * is private: the public API converts to `number` only at the very end.
 *
 * @see https://nightlies.apache.org/flink/flink-docs-stable/docs/deployment/config/#memorysize
 */
import { arithmetic, illegalArgument, numberFormat } from '../jvm/java-exception';
import { javaTrim } from '../jvm/java-string';

/** Java's `Long.MAX_VALUE`, also Flink's `MemorySize.MAX_VALUE`. */
export const MAX_MEMORY_BYTES = 2n ** 63n - 1n;

/** One kibibyte (Flink's `k`). */
export const KIBIBYTE = 1024n;
/** One mebibyte (Flink's `m`). */
export const MEBIBYTE = KIBIBYTE * 1024n;
/** One gibibyte (Flink's `g`). */
export const GIBIBYTE = MEBIBYTE * 1024n;
/** One tebibyte (Flink's `t`). */
export const TEBIBYTE = GIBIBYTE * 1024n;

/** Flink's memory units, smallest first: every accepted spelling, and the multiplier. */
const UNITS: ReadonlyArray<{ readonly names: readonly string[]; readonly multiplier: bigint }> = [
  { names: ['b', 'bytes'], multiplier: 1n },
  { names: ['k', 'kb', 'kibibytes'], multiplier: KIBIBYTE },
  { names: ['m', 'mb', 'mebibytes'], multiplier: MEBIBYTE },
  { names: ['g', 'gb', 'gibibytes'], multiplier: GIBIBYTE },
  { names: ['t', 'tb', 'tebibytes'], multiplier: TEBIBYTE },
];

/** The unit list as Flink prints it in its "does not match any of the recognized units" error. */
const RECOGNIZED_UNITS = UNITS.map((unit) => `(${unit.names.join(' | ')})`).join(' / ');

/** The names `toHumanReadableString()` and `toString()` print, per unit, smallest first. */
const UNIT_DISPLAY_NAMES = ['bytes', 'kb', 'mb', 'gb', 'tb'];

/**
 * Parses a memory size the way Flink's `MemorySize.parseBytes(text)` does.
 *
 * Grammar: optional surrounding whitespace (Java trim rule), a run of ASCII digits (no sign,
 * decimal point or exponent), optional whitespace, and an optional case-insensitive unit
 * (b/bytes, k/kb/kibibytes, m/mb/mebibytes, g/gb/gibibytes, t/tb/tebibytes; all powers of 1024).
 * No unit means bytes.
 *
 * @returns the number of bytes, at most `Long.MAX_VALUE`
 * @throws JavaException with Flink's exact message when Flink would reject the text
 */
export function parseMemorySize(text: string): bigint {
  const trimmed = javaTrim(text);
  if (trimmed.length === 0) {
    throw illegalArgument('argument is an empty- or whitespace-only string');
  }

  let digitsEnd = 0;
  while (digitsEnd < trimmed.length && trimmed[digitsEnd] >= '0' && trimmed[digitsEnd] <= '9') {
    digitsEnd++;
  }
  const digits = trimmed.slice(0, digitsEnd);
  // Java's toLowerCase(Locale.US) and JavaScript's toLowerCase() agree on every unit spelling;
  // for anything else the text only ends up in the error message.
  const unit = javaTrim(trimmed.slice(digitsEnd)).toLowerCase();

  if (digits.length === 0) {
    throw numberFormat('text does not start with a number');
  }

  const value = BigInt(digits);
  if (value > MAX_MEMORY_BYTES) {
    throw illegalArgument(`The value '${digits}' cannot be re represented as 64bit number (numeric overflow).`);
  }

  let multiplier = 1n;
  if (unit.length > 0) {
    const match = UNITS.find((candidate) => candidate.names.includes(unit));
    if (!match) {
      throw illegalArgument(`Memory size unit '${unit}' does not match any of the recognized units: ${RECOGNIZED_UNITS}`);
    }
    multiplier = match.multiplier;
  }

  const bytes = value * multiplier;
  if (bytes > MAX_MEMORY_BYTES) {
    throw illegalArgument(`The value '${text}' cannot be re represented as 64bit number of bytes (numeric overflow).`);
  }
  return bytes;
}

/** Flink's `MemorySize.add`: `Math.addExact` on two byte counts. */
export function addMemorySizes(...sizes: bigint[]): bigint {
  let sum = 0n;
  for (const size of sizes) {
    sum += size;
    if (sum > MAX_MEMORY_BYTES) {
      throw arithmetic('long overflow');
    }
  }
  return sum;
}

/** Flink's `MemorySize.subtract`: a negative difference is rejected by the constructor. */
export function subtractMemorySize(minuend: bigint, subtrahend: bigint): bigint {
  return checkedMemorySize(minuend - subtrahend);
}

/** Flink's `new MemorySize(bytes)`: rejects negative byte counts. */
export function checkedMemorySize(bytes: bigint): bigint {
  if (bytes < 0n) {
    throw illegalArgument('bytes must be >= 0');
  }
  return bytes;
}

/**
 * Flink's `MemorySize.multiply(double)`: `BigDecimal.valueOf(bytes) × BigDecimal.valueOf(multiplier)`,
 * truncated toward zero.
 *
 * `BigDecimal.valueOf(double)` takes the decimal digits of `Double.toString(multiplier)`, not the
 * exact binary value of the double. JavaScript's `String(number)` yields the same decimal value
 * (the shortest round-trip representation), so the product is computed from those digits with
 * exact integer arithmetic.
 */
export function multiplyMemorySize(bytes: bigint, multiplier: number): bigint {
  if (!(multiplier >= 0)) {
    throw illegalArgument('multiplier must be >= 0');
  }
  if (!Number.isFinite(multiplier)) {
    // Not reachable from the derivation: every multiplier there is a fraction in [0, 1) or f / (1 - f).
    throw new Error(`multiplier must be finite (got ${multiplier})`);
  }
  const { mantissa, scale } = decimalOf(multiplier);
  const product = scale >= 0 ? (bytes * mantissa) / 10n ** BigInt(scale) : bytes * mantissa * 10n ** BigInt(-scale);
  if (product > MAX_MEMORY_BYTES) {
    throw arithmetic('long overflow');
  }
  return product;
}

/** The decimal value of a finite double's shortest representation, as `mantissa × 10^-scale`. */
function decimalOf(value: number): { mantissa: bigint; scale: number } {
  let text = String(value);
  let exponent = 0;
  const exponentAt = text.search(/e/i);
  if (exponentAt >= 0) {
    exponent = Number(text.slice(exponentAt + 1));
    text = text.slice(0, exponentAt);
  }
  const [integerPart, fractionPart = ''] = text.split('.');
  return { mantissa: BigInt(integerPart + fractionPart), scale: fractionPart.length - exponent };
}

/**
 * Flink's `MemorySize.toHumanReadableString()`, as it appears in Flink's exception messages:
 * `"<n> bytes"` when no unit is smaller than the value, otherwise e.g. `"1.688gb (1811939328 bytes)"`.
 *
 * The unit is the largest whose multiplier is strictly less than the value (so 1 MiB prints as
 * `1024.000kb`). The number is Java's `String.format(Locale.ROOT, "%.3f", bytes * 1.0 / multiplier)`,
 * which rounds the shortest decimal representation of the double half-up.
 */
export function formatHumanReadable(bytes: bigint): string {
  let unitIndex = 0;
  for (let i = 0; i < UNITS.length; i++) {
    if (bytes > UNITS[i].multiplier) {
      unitIndex = i;
    }
  }
  if (unitIndex === 0) {
    return `${bytes} bytes`;
  }
  const value = Number(bytes) / Number(UNITS[unitIndex].multiplier);
  return `${formatJavaFixed3(value)}${UNIT_DISPLAY_NAMES[unitIndex]} (${bytes} bytes)`;
}

/**
 * Java's `String.format(Locale.ROOT, "%.3f", value)` for a non-negative value below 1e21:
 * the shortest decimal digits of the double, rounded half-up to three decimals.
 */
function formatJavaFixed3(value: number): string {
  const [integerPart, fractionPart = ''] = String(value).split('.');
  if (fractionPart.length <= 3) {
    return `${integerPart}.${fractionPart.padEnd(3, '0')}`;
  }
  let scaled = BigInt(integerPart + fractionPart.slice(0, 3));
  if (fractionPart[3] >= '5') {
    scaled += 1n;
  }
  const digits = scaled.toString().padStart(4, '0');
  return `${digits.slice(0, -3)}.${digits.slice(-3)}`;
}

/**
 * Flink's `MemorySize.toString()`: the value in the largest unit that divides it, e.g. `"1536 mb"`.
 *
 * Flink's quirk is kept: when every unit divides the value (0, or any multiple of 1 TiB) it
 * falls back to bytes, so `1t` prints as `"1099511627776 bytes"`.
 */
export function formatMemorySize(bytes: bigint): string {
  const firstNonDividing = UNITS.findIndex((unit) => bytes % unit.multiplier !== 0n);
  const unitIndex = firstNonDividing <= 0 ? 0 : firstNonDividing - 1;
  return `${bytes / UNITS[unitIndex].multiplier} ${UNIT_DISPLAY_NAMES[unitIndex]}`;
}

/** A Flink configuration value for a size: `"<n>m"` when it is a whole number of mebibytes, else `"<n>b"`. */
export function formatConfigValue(bytes: bigint): string {
  return bytes % MEBIBYTE === 0n ? `${bytes / MEBIBYTE}m` : `${bytes}b`;
}

/** A size as Flink writes it into `-D` dynamic properties: `"<n>b"`. */
export function formatBytesValue(bytes: bigint): string {
  return `${bytes}b`;
}

/**
 * A byte count as a JavaScript number, for the public API.
 *
 * @throws Error if the count is above `Number.MAX_SAFE_INTEGER` (8 PiB), where a number would no longer be exact
 */
export function memorySizeToNumber(what: string, bytes: bigint): number {
  if (bytes > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`${what} is ${bytes} bytes, more than a JavaScript number holds exactly (${Number.MAX_SAFE_INTEGER}). Configure less memory.`);
  }
  return Number(bytes);
}
