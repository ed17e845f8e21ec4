/**
 * The job Role holds exactly the job rules of the operator's Helm chart (`jobRbacRules` in its
 * RBAC helpers).
 */
import * as fs from 'fs';
import * as YAML from 'yaml';
import { FlinkSessionCluster, FlinkVersion } from '../src';
import { operatorFile } from './support';
import { manifestOf, synthValid, testChart } from '../test/support/manifests';
import { grants } from '../test/support/rbac';

function chartJobRules(): any[] {
  const template = fs.readFileSync(operatorFile('docs', 'helm-rbac-helpers.tpl'), 'utf8');
  const block = /define "flink-operator\.jobRbacRules" \}\}([\s\S]*?)\{\{- end \}\}/.exec(template);
  if (!block) {
    throw new Error('jobRbacRules not found in helm-rbac-helpers.tpl');
  }
  return YAML.parse(block[1]).rules;
}

test('the Role grants exactly the operator chart job rules', () => {
  const chart = testChart();
  new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 });
  const role = manifestOf(synthValid(chart), 'Role', 'session');
  const expected = chartJobRules();
  expect(grants(expected).length).toBeGreaterThan(0);
  expect(grants(role.rules)).toEqual(grants(expected));
});
