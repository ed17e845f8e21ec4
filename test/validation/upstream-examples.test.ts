/**
 * Every manifest the operator ships as an example passes the engine without errors.
 */
import * as fs from 'fs';
import { FlinkValidator, Severity } from '../../src';
import { operatorFile, operatorYaml } from '../support/shared';

const EXAMPLES = fs.readdirSync(operatorFile('examples')).filter((file) => file.endsWith('.yaml')).sort();

describe('upstream examples', () => {
  test('there are examples to check', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });

  test.each(EXAMPLES)('%s has no errors on its own', (file) => {
    const findings = FlinkValidator.validate(operatorYaml('examples', file));
    expect(findings.filter((finding) => finding.severity === Severity.ERROR)).toEqual([]);
  });

  test('all examples together have no errors', () => {
    const all = EXAMPLES.flatMap((file) => operatorYaml('examples', file));
    expect(FlinkValidator.validate(all).filter((finding) => finding.severity === Severity.ERROR)).toEqual([]);
  });
});
