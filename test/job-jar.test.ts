import { JobJar } from '../src';

describe('JobJar', () => {
  test.each([
    'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming/2.2.0/flink-examples-streaming-2.2.0.jar',
    'http://artifacts.internal:8080/job.jar',
  ])('fromUrl keeps %s as the jar URI', (url) => {
    expect(JobJar.fromUrl(url).uri).toBe(url);
  });

  test.each([
    ['not a url', /'url' must be an absolute http\(s\) URL .*got 'not a url'/],
    ['s3://bucket/job.jar', /'url' must use https:\/\/ or http:\/\/ \(got 's3:\/\/bucket\/job.jar'\)/],
    ['local:///opt/flink/job.jar', /must use https:\/\/ or http:\/\//],
  ])('fromUrl rejects %p', (url, message) => {
    expect(() => JobJar.fromUrl(url)).toThrow(message);
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

  test('fromUri takes any scheme', () => {
    expect(JobJar.fromUri('s3://bucket/jobs/job.jar').uri).toBe('s3://bucket/jobs/job.jar');
  });

  test('fromUri rejects a URI without a scheme', () => {
    expect(() => JobJar.fromUri('/opt/job.jar')).toThrow(/'uri' must start with a scheme .*got '\/opt\/job.jar'/);
  });
});
