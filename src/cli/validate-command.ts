/**
 * `cdk8s-flink validate FILE|DIR...`: the validation engine over manifest files.
 */
import { PodSecurityLevel, Severity, ValidationOptions } from '../finding';
import { FlinkValidator } from '../flink-validator';
import { manifestFiles, ReadProblem, readManifestFile, SourcedManifest } from './read-manifests';
import { runLocatedValidation } from '../validation/engine';

/** Where the command writes, so that tests can capture it. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const VALIDATE_USAGE = [
  'Usage: cdk8s-flink validate [options] FILE|DIR...',
  '',
  'Checks the Flink custom resources in YAML or JSON manifests (multi-document files and',
  'folders too) against the Flink Kubernetes Operator 1.15 admission rules, the CRD schemas,',
  'and the references between them. Other kinds are read only to resolve references.',
  '',
  'Options:',
  '  --format text|json            output format (default: text)',
  '  --allowed-jar-schemes LIST    URI schemes the operator allows for session job jars,',
  '                                comma-separated (default: https)',
  '  --allow-restricted-hosts      the operator allows jars from private or loopback hosts',
  '  --operator-config KEY=VALUE   an entry of the operator\'s default Flink configuration',
  '                                (repeatable)',
  '  --previous FILE|DIR           the manifests of the previous release (repeatable): Flink',
  '                                resources with durable state that the new manifests drop',
  '                                or rename are errors',
  '  --allow-removal KIND/NAME     a removal the --previous check allows (repeatable)',
  '  --pod-security LEVEL          check every FlinkDeployment\'s pods against a Pod Security',
  '                                Standards level (baseline or restricted), as if their',
  '                                namespace enforced it',
  '',
  'Exit status: 0 when there is no error (warnings allowed), 1 when there are errors,',
  '2 when a file cannot be read or parsed, or the options are wrong.',
].join('\n');

interface ParsedArgs {
  readonly paths: string[];
  readonly previousPaths: string[];
  readonly format: 'text' | 'json';
  readonly options: ValidationOptions;
}

function parseArgs(args: string[]): ParsedArgs | string {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  let allowedJarSchemes: string[] | undefined;
  let disallowRestrictedHosts: boolean | undefined;
  const operatorConfiguration: { [key: string]: string } = {};
  const previousPaths: string[] = [];
  const allowedRemovals: string[] = [];
  let podSecurityLevel: PodSecurityLevel | undefined;
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
      if (given !== 'text' && given !== 'json') {
        return `--format must be 'text' or 'json' (got ${given === undefined ? 'nothing' : `'${given}'`})`;
      }
      format = given;
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
        return `--operator-config needs KEY=VALUE (got ${entry === undefined ? 'nothing' : `'${entry}'`})`;
      }
      operatorConfiguration[entry.slice(0, separator)] = entry.slice(separator + 1);
    } else if (name === '--previous') {
      const given = value();
      if (!given) {
        return '--previous needs the FILE or DIR of the previous manifests';
      }
      previousPaths.push(given);
    } else if (name === '--allow-removal') {
      const given = value();
      if (!given || !/^[A-Za-z]+\/[a-z0-9.-]+$/.test(given)) {
        return `--allow-removal needs KIND/NAME, e.g. FlinkDeployment/orders (got ${given === undefined ? 'nothing' : `'${given}'`})`;
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
    paths, previousPaths, format, options: { allowedJarSchemes, disallowRestrictedHosts, operatorConfiguration, allowedRemovals, podSecurityLevel },
  };
}

function problemText(problem: ReadProblem): string {
  const position = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  return `${problem.file}${position}: ${problem.message}`;
}

/** Runs the command; returns the exit status. */
export function validateCommand(args: string[], output: Output): number {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    output.err(`cdk8s-flink validate: ${parsed}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  const problems: ReadProblem[] = [];
  const sourced: SourcedManifest[] = [];
  for (const file of manifestFiles(parsed.paths, problems)) {
    sourced.push(...readManifestFile(file, problems));
  }
  const manifests = sourced.map(({ manifest }) => manifest);
  const previous: SourcedManifest[] = [];
  if (parsed.previousPaths.length > 0) {
    for (const file of manifestFiles(parsed.previousPaths, problems)) {
      previous.push(...readManifestFile(file, problems));
    }
  }
  const options = parsed.previousPaths.length > 0
    ? { ...parsed.options, previousManifests: previous.map(({ manifest }) => manifest) }
    : parsed.options;
  const located = runLocatedValidation(manifests, options)
    .map(({ finding, manifestIndex, previousManifestIndex }) => ({
      file: manifestIndex !== undefined ? sourced[manifestIndex].file : previous[previousManifestIndex!].file,
      finding,
    }));
  const findings = located.map(({ finding }) => finding);

  if (parsed.format === 'json') {
    output.out(JSON.stringify({
      findings: located.map(({ file, finding }) => ({ file, ...finding })),
      problems,
    }, null, 2));
  } else {
    for (const problem of problems) {
      output.err(problemText(problem));
    }
    for (const { file, finding } of located) {
      const message = finding.severity === Severity.WARNING ? `warning: ${finding.message}` : finding.message;
      output.out(`${file}: ${finding.kind}/${finding.name} ${finding.path}: ${message} [${finding.rule}]`);
    }
    const errors = findings.filter((f) => f.severity === Severity.ERROR).length;
    output.err(`${manifests.length} manifests checked: ${errors} errors, ${findings.length - errors} warnings${problems.length > 0 ? `, ${problems.length} unreadable` : ''}.`);
  }
  if (problems.length > 0) {
    return 2;
  }
  return FlinkValidator.hasErrors(findings) ? 1 : 0;
}
