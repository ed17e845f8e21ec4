/**
 * `cdk8s-flink validate FILE|DIR...`: the validation engine over manifest files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PositionFinder } from './positions';
import { DEFAULT_MAX_FILE_SIZE, formatSize } from './read-file';
import { readManifestPaths } from './read-manifests';
import { PlacedFinding, sarifLog } from './sarif';
import { ReadProblem } from './walk';
import { PodSecurityLevel, Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { parseOperatorRelease } from '../private/options/operator-release';
import { runSanitizedValidation } from '../validation/engine';
import { escapeControlCharacters } from '../validation/printable';

/** Where the command writes, so that tests can capture it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Reports wrong arguments: `<command>: <problem>`, then the usage, on stderr; returns exit status 2. */
export function usageError(output: Output, command: string, problem: string, usage: string): number {
  output.err(escapeControlCharacters(`${command}: ${problem}`));
  output.err('');
  output.err(usage);
  return 2;
}

export const VALIDATE_USAGE = [
  'Usage: cdk8s-flink validate [options] FILE|DIR...',
  '',
  'Checks the Flink custom resources in YAML or JSON manifests (multi-document files and',
  'folders too) against the Flink Kubernetes Operator 1.15 admission rules, the CRD schemas,',
  'and the references between them. Other kinds are read only to resolve references.',
  'Each finding is printed as `file:line:col: Kind/name path: message [rule]`.',
  '',
  'Options:',
  '  --format text|json|sarif      output format (default: text); sarif is SARIF 2.1.0,',
  '                                e.g. for GitHub code scanning',
  '  --strict                      warnings fail the run too (exit status 1)',
  '  --max-file-size SIZE          skip (and report) files larger than SIZE, in bytes or',
  `                                with KiB, MiB or GiB (default: ${formatSize(DEFAULT_MAX_FILE_SIZE).replace(' ', '')})`,
  '  --allowed-jar-schemes LIST    URI schemes the operator allows for session job jars,',
  '                                comma-separated (default: https)',
  '  --allow-restricted-hosts      the operator allows jars from private or loopback hosts',
  '  --operator-config KEY=VALUE   an entry of the operator\'s default Flink configuration',
  '                                (repeatable)',
  '  --operator-version RELEASE    the operator release that runs the resources, when older',
  '                                than 1.15, e.g. 1.9: its option defaults apply, and keys of',
  '                                options it does not have yet are reported',
  '  --previous FILE|DIR           the manifests of the previous release (repeatable): Flink',
  '                                resources with durable state that the new manifests drop',
  '                                or rename are errors',
  '  --allow-removal KIND/NAME     a removal the --previous check allows (repeatable)',
  '  --pod-security LEVEL          check every FlinkDeployment\'s pods against a Pod Security',
  '                                Standards level (baseline or restricted), as if their',
  '                                namespace enforced it',
  '',
  'Folders are searched for *.yaml, *.yml and *.json, following links but visiting each',
  'file once; named pipes, devices and other files that are not regular files are skipped',
  'and reported.',
  '',
  'Exit status:',
  '  0  no errors (warnings allowed, unless --strict)',
  '  1  errors, or warnings with --strict',
  '  2  a file or folder could not be read or parsed (the rest is still checked), or the',
  '     options are wrong',
].join('\n');

type Format = 'text' | 'json' | 'sarif';

interface ParsedArgs {
  readonly paths: string[];
  readonly previousPaths: string[];
  readonly format: Format;
  readonly strict: boolean;
  readonly maxFileSize: number;
  readonly options: ValidationOptions;
}

const SIZE_UNITS: { readonly [unit: string]: number } = {
  '': 1, 'b': 1, 'k': 2 ** 10, 'kb': 2 ** 10, 'kib': 2 ** 10, 'm': 2 ** 20, 'mb': 2 ** 20, 'mib': 2 ** 20, 'g': 2 ** 30, 'gb': 2 ** 30, 'gib': 2 ** 30,
};

/** `--max-file-size`: a whole number of bytes, or of KiB, MiB or GiB. */
export function parseSize(text: string): number | undefined {
  const trimmed = text.trim();
  let digits = 0;
  while (digits < trimmed.length && trimmed[digits] >= '0' && trimmed[digits] <= '9') {
    digits += 1;
  }
  const unit = SIZE_UNITS[trimmed.slice(digits).trim().toLowerCase()];
  const bytes = Number(trimmed.slice(0, digits)) * (unit ?? NaN);
  return digits > 0 && Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

function parseArgs(args: string[]): ParsedArgs | string {
  const paths: string[] = [];
  let format: Format = 'text';
  let strict = false;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  let allowedJarSchemes: string[] | undefined;
  let disallowRestrictedHosts: boolean | undefined;
  const operatorConfiguration: { [key: string]: string } = {};
  const previousPaths: string[] = [];
  const allowedRemovals: string[] = [];
  const shown = (given: string | undefined) => (given === undefined ? 'nothing' : `'${given}'`);
  let podSecurityLevel: PodSecurityLevel | undefined;
  let operatorVersion: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const inline = arg.includes('=') && arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      if (inline !== undefined) {
        return inline;
      }
      i += 1;
      return args[i];
    };
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg;
    if (name === '--format') {
      const given = value();
      if (given !== 'text' && given !== 'json' && given !== 'sarif') {
        return `--format must be 'text', 'json' or 'sarif' (got ${shown(given)})`;
      }
      format = given;
    } else if (name === '--strict') {
      strict = true;
    } else if (name === '--max-file-size') {
      const given = value();
      const size = given === undefined ? undefined : parseSize(given);
      if (size === undefined) {
        return `--max-file-size needs a size such as 134217728 or 128MiB (got ${shown(given)})`;
      }
      maxFileSize = size;
    } else if (name === '--allowed-jar-schemes') {
      const given = value();
      if (!given) {
        return '--allowed-jar-schemes needs a comma-separated list, e.g. https,s3';
      }
      allowedJarSchemes = given.split(',').map((scheme) => scheme.trim()).filter((scheme) => scheme !== '');
    } else if (name === '--allow-restricted-hosts') {
      disallowRestrictedHosts = false;
    } else if (name === '--operator-config') {
      const entry = arg.startsWith('--operator-config=') ? arg.slice('--operator-config='.length) : (i += 1, args[i]);
      const separator = entry?.indexOf('=') ?? -1;
      if (entry === undefined || separator <= 0) {
        return `--operator-config needs KEY=VALUE (got ${shown(entry)})`;
      }
      operatorConfiguration[entry.slice(0, separator)] = entry.slice(separator + 1);
    } else if (name === '--operator-version') {
      const given = value();
      if (parseOperatorRelease(given) === undefined) {
        return `--operator-version needs an operator release such as 1.9 or 1.9.0 (got ${shown(given)})`;
      }
      operatorVersion = given;
    } else if (name === '--previous') {
      const given = value();
      if (!given) {
        return '--previous needs the FILE or DIR of the previous manifests';
      }
      previousPaths.push(given);
    } else if (name === '--allow-removal') {
      const given = value();
      if (!given || !/^[A-Za-z]+\/[a-z0-9.-]+$/.test(given)) {
        return `--allow-removal needs KIND/NAME, e.g. FlinkDeployment/orders (got ${shown(given)})`;
      }
      allowedRemovals.push(given);
    } else if (name === '--pod-security') {
      const given = value();
      podSecurityLevel = Object.values(PodSecurityLevel).find((level) => level === given);
      if (podSecurityLevel === undefined) {
        return `--pod-security needs a level: privileged, baseline or restricted (got ${given === undefined ? 'nothing' : `'${given}'`})`;
      }
    } else if (arg.startsWith('--')) {
      return `unknown option '${arg}'`;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    return 'give at least one FILE or DIR';
  }
  if (allowedRemovals.length > 0 && previousPaths.length === 0) {
    return '--allow-removal only applies with --previous';
  }
  return {
    paths,
    previousPaths,
    format,
    strict,
    maxFileSize,
    options: { allowedJarSchemes, disallowRestrictedHosts, operatorConfiguration, operatorVersion, allowedRemovals, podSecurityLevel },
  };
}

/** `file:line:col: message`, printable. */
export function problemText(problem: ReadProblem): string {
  const position = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  return escapeControlCharacters(`${problem.file}${position}: ${problem.message}`);
}

/** `1 manifest`, `2 manifests`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/** The package's version, for the SARIF tool description. */
function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

/** Runs the command; returns the exit status. */
export function validateCommand(args: string[], output: Output): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    return usageError(output, 'cdk8s-flink validate', parsed, VALIDATE_USAGE);
  }
  const problems: ReadProblem[] = [];
  const sourced = readManifestPaths(parsed.paths, parsed.maxFileSize, problems);
  const previous = parsed.previousPaths.length > 0 ? readManifestPaths(parsed.previousPaths, parsed.maxFileSize, problems) : undefined;
  const located = runSanitizedValidation(sourced.map(({ manifest }) => manifest), parsed.options, previous?.map(({ manifest }) => manifest));
  const positions = new PositionFinder();
  const placed: PlacedFinding[] = located.map(({ finding, manifestIndex, previousManifestIndex }) => {
    const source = manifestIndex !== undefined ? sourced[manifestIndex]?.source
      : previousManifestIndex !== undefined ? previous?.[previousManifestIndex]?.source : undefined;
    if (source === undefined) {
      return { finding };
    }
    const { line, column } = positions.find(source, finding.path);
    return { finding, file: source.file.path, line, column };
  });
  const findings = placed.map(({ finding }) => finding);
  const errors = findings.filter((finding) => finding.severity === Severity.ERROR).length;
  const warnings = findings.length - errors;

  if (parsed.format === 'json') {
    output.out(JSON.stringify({
      findings: placed.map(({ file, line, column, finding }) => ({ file, line, column, ...finding })),
      problems,
    }, null, 2));
  } else if (parsed.format === 'sarif') {
    output.out(sarifLog(packageVersion(), placed, problems));
  } else {
    for (const problem of problems) {
      output.err(problemText(problem));
    }
    for (const { file, line, column, finding } of placed) {
      const where = file === undefined ? '' : `${file}:${line}:${column}: `;
      const text = FlinkValidator.format(finding.severity === Severity.WARNING ? { ...finding, message: `warning: ${finding.message}` } : finding);
      output.out(`${escapeControlCharacters(where)}${text}`);
    }
    const unread = problems.length > 0 ? `, ${count(problems.length, 'file problem')}` : '';
    output.err(`${count(sourced.length, 'manifest')} checked: ${count(errors, 'error')}, ${count(warnings, 'warning')}${unread}.`);
  }
  if (problems.length > 0) {
    return 2;
  }
  return errors > 0 || (parsed.strict && warnings > 0) ? 1 : 0;
}
