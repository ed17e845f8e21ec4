/**
 * The quick start (examples/quick-start) is the seed's scenario: a session cluster with its
 * web UI behind a TLS Ingress, job RBAC, and the WordCount session job.
 */
import { App, Testing } from 'cdk8s';
import { QuickStartChart, WORD_COUNT_JAR } from '../../examples/quick-start/main';
import { inventory, manifestOf, synthValid } from '../support/manifests';

const NAME = 'flink-session-cluster';

describe('quick start', () => {
  const manifests = synthValid(new QuickStartChart(new App(), 'quick-start'));

  test('contains the cluster, its RBAC, the Ingress and the job, in apply order', () => {
    expect(inventory(manifests)).toEqual([
      `ServiceAccount/${NAME}`,
      `Role/${NAME}`,
      `RoleBinding/${NAME}`,
      `ServiceAccount/${NAME}-taskmanager`,
      `FlinkDeployment/${NAME}`,
      `Ingress/${NAME}-web-ui`,
      'FlinkSessionJob/word-count',
    ]);
  });

  test('the session cluster runs Flink 1.17 from the official image, without a job', () => {
    const deployment = manifestOf(manifests, 'FlinkDeployment', NAME);
    expect(deployment.spec).toMatchObject({ flinkVersion: 'v1_17', image: 'flink:1.17', serviceAccount: NAME });
    expect(deployment.spec.job).toBeUndefined();
  });

  test('the WordCount job targets the session cluster', () => {
    const job = manifestOf(manifests, 'FlinkSessionJob', 'word-count');
    expect(job.spec.deploymentName).toBe(NAME);
    expect(job.spec.job.jarURI).toBe(WORD_COUNT_JAR);
    expect(job.metadata.namespace).toBe(manifestOf(manifests, 'FlinkDeployment', NAME).metadata.namespace);
  });

  test('the Ingress routes to <name>-rest:8081 with TLS and authentication', () => {
    const ingress = manifestOf(manifests, 'Ingress', `${NAME}-web-ui`);
    expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: `${NAME}-rest`, port: { number: 8081 } } });
    expect(ingress.spec.tls).toEqual([{ hosts: [ingress.spec.rules[0].host], secretName: expect.any(String) }]);
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/auth-type']).toBe('basic');
  });

  test('synthesizing twice gives identical bytes', () => {
    const first = Testing.app();
    new QuickStartChart(first, 'quick-start');
    const second = Testing.app();
    new QuickStartChart(second, 'quick-start');
    expect(second.synthYaml()).toEqual(first.synthYaml());
  });
});
