/**
 * `--format sarif`: the findings as a SARIF 2.1.0 log for GitHub code scanning (and any other
 * SARIF consumer), built with node-sarif-builder. Each rule carries its summary from the rule
 * catalog (short description), its description from docs/validation-rules.md (full description
 * and help, with a link to the rule's section and its examples); each result its file, line and
 * column. Files that could not be read are tool execution notifications, and make the invocation
 * unsuccessful.
 */
import * as path from 'path';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Notification } from 'sarif';
import { RULE_HELP } from './rule-help';
import { ReadProblem } from './walk';
import { Finding, Severity } from '../finding';
import { RuleId, RULES } from '../validation/rule-catalog';

/** A finding with the place it was found. */
export interface PlacedFinding {
  readonly finding: Finding;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

const REPOSITORY = 'https://github.com/cdk8s-flink/cdk8s-flink';
const RULES_DOC = `${REPOSITORY}/blob/main/docs/validation-rules.md`;

/** Applies `edit` to the Markdown outside its code spans. */
function outsideCode(markdown: string, edit: (text: string) => string): string {
  return markdown.split(/(`[^`]*`)/).map((part, index) => (index % 2 === 1 ? part : edit(part))).join('');
}

/** Markdown of docs/validation-rules.md with its relative links made absolute, for a reader outside the repository. */
function absoluteLinks(markdown: string): string {
  return outsideCode(markdown, (text) => text.replace(/\]\((?![a-z][a-z0-9+.-]*:)([^)\s]+)\)/gi, (_link, target: string) => `](${new URL(target, RULES_DOC).href})`));
}

/** The plain text of Markdown: code spans and links reduced to their words. */
function plainText(markdown: string): string {
  return outsideCode(markdown, (text) => text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')).replace(/`([^`]*)`/g, '$1');
}

/** A path as a SARIF artifact URI: relative to the working directory when under it, with '/'. */
function artifactUri(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const uriPath = (inside ? relative : path.resolve(file)).split(path.sep).join('/');
  return encodeURI(uriPath).replace(/[?#]/g, (character) => encodeURIComponent(character));
}

/** The SARIF log of a run, as JSON text. */
export function sarifLog(version: string, findings: ReadonlyArray<PlacedFinding>, problems: ReadonlyArray<ReadProblem>): string {
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'cdk8s-flink', toolDriverVersion: version, url: REPOSITORY });
  for (const rule of Object.keys(RULES) as RuleId[]) {
    const info = RULES[rule];
    const description = absoluteLinks(RULE_HELP[rule]);
    const section = `${RULES_DOC}#${rule}`;
    run.addRule(new SarifRuleBuilder({
      id: rule,
      shortDescription: { text: plainText(info.summary), markdown: info.summary },
      fullDescription: { text: plainText(description), markdown: description },
      help: {
        text: `${plainText(description)} Examples: ${section}`,
        markdown: `${description}\n\n[Examples](${section}): a failing and a passing manifest.`,
      },
      helpUri: section,
      defaultConfiguration: { level: info.severity === Severity.ERROR ? 'error' : 'warning' },
    }));
  }
  for (const { finding, file, line, column } of findings) {
    const where = finding.path === '' ? '' : ` ${finding.path}`;
    run.addResult(new SarifResultBuilder().initSimple({
      level: finding.severity === Severity.ERROR ? 'error' : 'warning',
      messageText: `${finding.kind}/${finding.name}${where}: ${finding.message}`,
      ruleId: finding.rule,
      fileUri: file === undefined ? undefined : artifactUri(file),
      startLine: line,
      startColumn: column,
    }));
  }
  const notifications: Notification[] = problems.map((problem) => ({
    level: 'error',
    message: { text: `${problem.file}: ${problem.message}` },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: artifactUri(problem.file) },
        ...(problem.line === undefined ? {} : { region: { startLine: problem.line, startColumn: problem.column ?? 1 } }),
      },
    }],
  }));
  run.run.invocations = [{ executionSuccessful: problems.length === 0, toolExecutionNotifications: notifications }];
  const log = new SarifBuilder();
  log.addRun(run);
  return log.buildSarifJsonString({ indent: true });
}
