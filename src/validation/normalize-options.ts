/**
 * `ValidationOptions` as callers really pass them: from TypeScript, from JavaScript without
 * types, and from `cdk8s.yaml` plugin properties. Each option is read once, never throwing;
 * what has the wrong type is reported (rule `validation-options`) and replaced by the default.
 *
 * A comma-separated string is read as a list where the operator itself takes one
 * (`kubernetes.operator.user.artifacts.allowed-schemes: https,s3`), `'true'`/`'false'` as
 * booleans, as YAML properties often carry them, and a Pod Security level in any case.
 */
import { Finding, PodSecurityLevel, Severity, ValidationOptions } from '../finding';
import { OPTIONS_KIND } from './referenced-kinds';
import { elementsOf, errorText, preview, SanitizedManifest, toPlainData } from './sanitize';
import { parseOperatorRelease } from '../private/options/operator-release';
import { ValidationRule } from '../validation-rule';

/** Options of the right types, the previous manifests as plain data, and what was wrong. */
export interface NormalizedOptions {
  readonly options: ValidationOptions;
  readonly previousManifests?: SanitizedManifest[];
  readonly findings: Finding[];
}


function optionFinding(option: string, message: string): Finding {
  return { rule: ValidationRule.VALIDATION_OPTIONS, severity: Severity.ERROR, kind: OPTIONS_KIND, name: 'options', path: option, message };
}

/** A list of strings from an array or a comma-separated string; undefined (and a problem) otherwise. */
function stringList(value: unknown): { list?: string[]; problem?: string } {
  if (typeof value === 'string') {
    return { list: value.split(',').map((item) => item.trim()).filter((item) => item !== '') };
  }
  if (!Array.isArray(value)) {
    return { problem: `must be a list of strings, or one comma-separated string (got ${preview(value)})` };
  }
  const list: string[] = [];
  const wrong: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') {
      list.push(item.trim());
    } else {
      wrong.push(preview(item));
    }
  }
  return { list, problem: wrong.length > 0 ? `must hold only strings (left out: ${wrong.join(', ')})` : undefined };
}

/** Reads the options, never throwing. */
export function normalizeOptions(given: unknown): NormalizedOptions {
  const findings: Finding[] = [];
  if (given === undefined || given === null) {
    return { options: {}, findings };
  }
  if (typeof given !== 'object' || Array.isArray(given)) {
    findings.push(optionFinding('', `The validation options must be an object with fields such as allowedJarSchemes (got ${preview(given)}); the operator's defaults apply.`));
    return { options: {}, findings };
  }
  /** One option as plain data; what cannot be read is reported and left out. */
  const read = (name: keyof ValidationOptions): any => {
    let value: unknown;
    try {
      value = (given as any)[name];
    } catch (error) {
      findings.push(optionFinding(name, `The option ${name} cannot be read (${errorText(error)}); the default applies.`));
      return undefined;
    }
    if (name === 'previousManifests') {
      return value; // copied manifest by manifest below
    }
    const plain = toPlainData(value);
    for (const problem of plain.problems) {
      findings.push(optionFinding(problem.path === '' ? name : `${name}.${problem.path}`, `The option ${name}${problem.path === '' ? '' : ` at ${problem.path}`} ${problem.message}.`));
    }
    return plain.manifest;
  };
  const options: { [K in keyof ValidationOptions]-?: any } = {
    allowedJarSchemes: read('allowedJarSchemes'),
    allowedRemovals: read('allowedRemovals'),
    disallowRestrictedHosts: read('disallowRestrictedHosts'),
    operatorConfiguration: read('operatorConfiguration'),
    operatorVersion: read('operatorVersion'),
    previousManifests: read('previousManifests'),
    allowLiteralSecrets: read('allowLiteralSecrets'),
    podSecurityLevel: read('podSecurityLevel'),
  };
  const result: { -readonly [K in keyof ValidationOptions]: ValidationOptions[K] } = {};

  for (const name of ['allowedJarSchemes', 'allowedRemovals'] as const) {
    if (options[name] !== undefined) {
      const { list, problem } = stringList(options[name]);
      if (problem !== undefined) {
        findings.push(optionFinding(name, `${name} ${problem}${list === undefined ? '; the default applies' : ''}.`));
      }
      result[name] = list;
    }
  }

  for (const [name, fallback] of [['disallowRestrictedHosts', 'true'], ['allowLiteralSecrets', 'false']] as const) {
    const value = options[name];
    if (typeof value === 'boolean') {
      result[name] = value;
    } else if (typeof value === 'string' && ['true', 'false'].includes(value.trim().toLowerCase())) {
      result[name] = value.trim().toLowerCase() === 'true';
    } else if (value !== undefined) {
      findings.push(optionFinding(name, `${name} must be true or false (got ${preview(value)}); the default (${fallback}) applies.`));
    }
  }

  const level = options.podSecurityLevel;
  const levels = Object.values(PodSecurityLevel) as string[];
  if (typeof level === 'string' && levels.includes(level.trim().toLowerCase())) {
    result.podSecurityLevel = level.trim().toLowerCase() as PodSecurityLevel;
  } else if (level !== undefined) {
    findings.push(optionFinding('podSecurityLevel', `podSecurityLevel must be one of ${levels.map((name) => `'${name}'`).join(', ')} (got ${preview(level)}); no level is applied.`));
  }

  const configuration = options.operatorConfiguration;
  if (configuration !== null && typeof configuration === 'object' && !Array.isArray(configuration)) {
    const entries: { [key: string]: string } = {};
    for (const [key, value] of Object.entries(configuration)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        entries[key] = String(value);
      } else {
        findings.push(optionFinding(`operatorConfiguration.${key}`, `operatorConfiguration '${key}' must be a string, number or boolean (got ${preview(value)}); it is left out.`));
      }
    }
    result.operatorConfiguration = entries;
  } else if (configuration !== undefined) {
    findings.push(optionFinding('operatorConfiguration', `operatorConfiguration must be a map of Flink keys to values (got ${preview(configuration)}); it is left out.`));
  }

  const operatorVersion = options.operatorVersion;
  if (parseOperatorRelease(operatorVersion) !== undefined) {
    result.operatorVersion = operatorVersion;
  } else if (operatorVersion !== undefined) {
    const quote = typeof operatorVersion === 'number' ? ', as a string (YAML reads 1.10 as the number 1.1)' : '';
    findings.push(optionFinding('operatorVersion',
      `operatorVersion must name an operator release such as '1.9' or '1.9.0'${quote} (got ${preview(operatorVersion)}); the operator 1.15 is assumed.`));
  }

  let previousManifests: SanitizedManifest[] | undefined;
  const previous = options.previousManifests;
  if (previous !== undefined) {
    if (previous === null || typeof previous !== 'object') {
      findings.push(optionFinding('previousManifests', `previousManifests must be a list of manifests (got ${preview(previous)}); no comparison was made.`));
    } else {
      const { elements, problem } = elementsOf(previous);
      if (problem !== undefined) {
        findings.push(optionFinding('previousManifests', `previousManifests: ${problem}.`));
      }
      previousManifests = elements.map((manifest) => toPlainData(manifest));
    }
  }
  return { options: result, previousManifests, findings };
}
