/**
 * The rejecting and accepting cases of the security rules, spread into the rule table of
 * rules.test.ts.
 */
import { APPLICATION, JOB_RBAC, patched, SESSION_CLUSTER, SESSION_JOB } from './fixtures';
import { ValidationOptions } from '../../src';
import { RULES } from '../../src/validation/rule-catalog';

/** One case of the rule table (the shape of rules.test.ts's `Case`). */
export interface SecurityCase {
  readonly rule: keyof typeof RULES;
  readonly what: string;
  readonly manifests: any[];
  readonly reported: boolean;
  readonly message?: RegExp;
  readonly path?: string;
  readonly options?: ValidationOptions;
}

const app = (patch: any) => [patched(APPLICATION, patch), ...JOB_RBAC];
const config = (entries: { [key: string]: string }) => ({ spec: { flinkConfiguration: entries } });

export const SECURITY_CASES: SecurityCase[] = [
  // config-injection
  { rule: 'config-injection', what: 'a newline in a value', manifests: app(config({ 'pipeline.name': 'x\nkubernetes.cluster-id: evil' })), reported: true, path: "spec.flinkConfiguration['pipeline.name']", message: /holds a newline in its value \('x\\nkubernetes.cluster-id: evil'\)/ },
  { rule: 'config-injection', what: 'a carriage return in a value', manifests: app(config({ 'pipeline.name': 'x\rweb.submit.enable: true' })), reported: true, message: /a carriage return/ },
  { rule: 'config-injection', what: 'a NUL in a value', manifests: app(config({ 'pipeline.name': 'x\u0000' })), reported: true, message: /a NUL/ },
  { rule: 'config-injection', what: 'a newline in a key', manifests: app(config({ 'a\nkubernetes.cluster-id': 'evil' })), reported: true, path: "spec.flinkConfiguration['a\\nkubernetes.cluster-id']" },
  { rule: 'config-injection', what: "a key with ': ' and '#'", manifests: app(config({ 'kubernetes.cluster-id: evil #': 'x' })), reported: true, message: /holds '#'/ },
  { rule: 'config-injection', what: 'a tab in a key', manifests: app(config({ 'a\tb': 'x' })), reported: true, message: /U\+0009/ },
  { rule: 'config-injection', what: 'a nested value with a newline', manifests: app({ spec: { flinkConfiguration: { pipeline: { name: 'a\nb: c' } } } }), reported: true },
  { rule: 'config-injection', what: "a session job's value with a newline", manifests: [patched(SESSION_JOB, config({ 'pipeline.name': 'x\ny: z' })), patched(SESSION_CLUSTER), ...JOB_RBAC], reported: true },
  { rule: 'config-injection', what: 'a newline in a logConfiguration file name', manifests: app({ spec: { logConfiguration: { 'log4j-console.properties\nx': 'a' } } }), reported: true },
  { rule: 'config-injection', what: 'a multi-line log4j configuration and plain values with tabs and colons', manifests: app({ spec: { flinkConfiguration: { 'pipeline.name': 'a: b\tc' }, logConfiguration: { 'log4j-console.properties': 'rootLogger.level = INFO\nrootLogger.appenderRef.console.ref = ConsoleAppender\n' } } }), reported: false },
];
