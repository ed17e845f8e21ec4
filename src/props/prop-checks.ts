/**
 * Checks of construct props that the props alone decide. They throw at construction time, with
 * messages that name the prop, echo the value and say the fix.
 */
import { Size, SizeRoundingBehavior } from 'cdk8s';
import { propError } from './prop-errors';
import { DNS_1123_SUBDOMAIN } from '../private/kubernetes-names';

/** Throws unless `value` is undefined or a whole number >= `min`. */
export function checkWholeNumber(prop: string, value: number | undefined, min: number): void {
  if (value === undefined) {
    return;
  }
  if (!Number.isInteger(value) || value < min) {
    throw propError(prop, `'${prop}' must be a whole number of at least ${min} (got ${value}).`);
  }
}

/** Throws unless `value` is undefined or a finite number > 0. */
export function checkPositiveNumber(prop: string, value: number | undefined): void {
  if (value === undefined) {
    return;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw propError(prop, `'${prop}' must be a number greater than 0 (got ${value}).`);
  }
}

/**
 * A memory size as the operator reads `resource.memory`: Flink's MemorySize syntax first,
 * so whole mebibytes are written as `<n>m` (Flink's `m` is MiB, as in the operator's own
 * examples), and anything else as a plain number of bytes.
 */
export function flinkMemoryString(prop: string, size: Size | undefined): string | undefined {
  if (size === undefined) {
    return undefined;
  }
  const bytes = size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) {
    throw propError(prop, `'${prop}' must be a positive whole number of bytes (got ${bytes} bytes). Use e.g. Size.mebibytes(2048).`);
  }
  const mebibytes = bytes / (1024 * 1024);
  return Number.isInteger(mebibytes) ? `${mebibytes}m` : `${bytes}`;
}

/** Throws unless `name` is a valid Kubernetes object name (DNS-1123 subdomain, at most 253 characters). */
export function checkObjectName(prop: string, name: string): void {
  const problem = objectNameProblem(prop, name);
  if (problem !== undefined) {
    throw propError(prop, problem);
  }
}

/** What is wrong with `name` as a Kubernetes object name, as `'<prop>' must be ...`, or undefined. */
export function objectNameProblem(prop: string, name: string): string | undefined {
  return DNS_1123_SUBDOMAIN.problem(name) === undefined ? undefined
    : `'${prop}' must be a lowercase DNS name (letters, digits, '-' and '.', at most 253 characters; got '${name}').`;
}

/** Throws unless a nonce (a number that triggers an action when it changes) is undefined or a whole number. */
export function checkNonce(prop: string, value: number | undefined): void {
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw propError(prop, `'${prop}' must be a whole number, e.g. 20261125 (got ${value}).`);
  }
}
