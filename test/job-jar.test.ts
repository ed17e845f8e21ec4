import { JobJar } from '../src';

describe('JobJar', () => {
  test.each([
    'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar',
    'http://artifacts.internal:8080/job.jar',
    's3://bucket/jobs/job.jar',
    'gs://bucket/job.jar',
  ])('fromUri keeps %s as the jar URI', (uri) => {
    expect(JobJar.fromUri(uri).uri).toBe(uri);
  });

  test.each([
    ['not a url', /'uri' must be an absolute URI with a scheme, .*got 'not a url'.*JobJar.fromLocal\(\)/],
    ['/opt/job.jar', /'uri' must be an absolute URI with a scheme, .*got '\/opt\/job.jar'/],
    ['https:repo1.maven.org/job.jar', /an http\(s\) 'uri' must be an absolute URL that names a host, .*got 'https:repo1.maven.org\/job.jar'/],
    ['https:///job.jar', /an http\(s\) 'uri' must be an absolute URL that names a host/],
    ['http://:8080/job.jar', /an http\(s\) 'uri' must be an absolute URL that names a host/],
    ['https://', /an http\(s\) 'uri' must be an absolute URL that names a host/],
    ['HTTPS:///job.jar', /an http\(s\) 'uri' must be an absolute URL that names a host/],
    ['local:///opt/flink/job.jar', /'uri' is a jar inside the image \(got 'local:\/\/\/opt\/flink\/job.jar'\). Use JobJar.fromLocal\('local:\/\/\/opt\/flink\/job.jar'\)/],
  ])('fromUri rejects %p', (uri, message) => {
    expect(() => JobJar.fromUri(uri)).toThrow(message);
  });

  test.each([
    ['/opt/flink/examples/streaming/StateMachineExample.jar', 'local:///opt/flink/examples/streaming/StateMachineExample.jar'],
    ['local:///opt/flink/usrlib/job.jar', 'local:///opt/flink/usrlib/job.jar'],
  ])('fromLocal(%p) is %p', (path, uri) => {
    expect(JobJar.fromLocal(path).uri).toBe(uri);
  });

  test.each(['opt/flink/job.jar', 'local://opt/job.jar', 'https://example.com/job.jar'])('fromLocal rejects %p', (path) => {
    expect(() => JobJar.fromLocal(path)).toThrow(/'path' must be an absolute path in the image/);
  });
});
