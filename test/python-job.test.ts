import { App } from 'cdk8s';
import { PythonJobChart } from '../examples/python-job/main';
import { SQL, SqlRunnerChart } from '../examples/sql-runner/main';
import { FlinkApplication, FlinkSessionCluster, FlinkVersion, JobJar, PythonJob } from '../src';
import { manifestOf, synthValid, testChart } from './support/manifests';

describe('PythonJob', () => {
  test("the python example: PythonDriver with -pyclientexec and -py, as in the operator's example", () => {
    const job = manifestOf(synthValid(new PythonJobChart(new App(), 'python')), 'FlinkDeployment', 'python-example').spec.job;
    expect(job).toEqual({
      jarURI: 'local:///opt/flink/opt/flink-python-1.20.0.jar',
      entryClass: 'org.apache.flink.client.python.PythonDriver',
      args: ['-pyclientexec', '/usr/local/bin/python3', '-py', '/opt/flink/usrlib/python_demo.py'],
      parallelism: 1,
      upgradeMode: 'stateless',
    });
  });

  test('a module with extra files and its own arguments after the Python options', () => {
    const python = PythonJob.fromModule('jobs.word_count', { pythonFiles: ['/opt/flink/usrlib/jobs'], args: ['--input', 'x'], flinkPythonJar: 'local:///opt/flink/opt/flink-python-1.20.1.jar' });
    expect(python.args).toEqual(['-pyfs', '/opt/flink/usrlib/jobs', '-pym', 'jobs.word_count', '--input', 'x']);
    expect(python._jarUri(FlinkVersion.V1_20)).toBe('local:///opt/flink/opt/flink-python-1.20.1.jar');
  });

  test('the flink-python jar is named after the Flink version (Scala suffix up to 1.15)', () => {
    const python = PythonJob.fromScript('/opt/job.py');
    expect(python._jarUri(FlinkVersion.V1_15)).toBe('local:///opt/flink/opt/flink-python_2.12-1.15.0.jar');
    expect(python._jarUri(FlinkVersion.V2_1)).toBe('local:///opt/flink/opt/flink-python-2.1.0.jar');
    expect(() => python._jarUri(undefined)).toThrow(/needs 'flinkPythonJar'/);
  });

  test.each([
    [() => PythonJob.fromScript('job.py'), /'path' must be an absolute path in the image or a URI/],
    [() => PythonJob.fromModule('my-module'), /'module' must be a dotted Python module name/],
    [() => PythonJob.fromModule('jobs.word_count'), /PythonJob.fromModule: 'pythonFiles' must name the files, folders or archives that hold module 'jobs.word_count'/],
  ])('refuses bad input (%#)', (factory, message) => {
    expect(factory).toThrow(message);
  });

  test.each([
    ['both jar and python', { jar: JobJar.fromLocal('/opt/job.jar'), python: PythonJob.fromScript('/opt/job.py') }, /exactly one of 'jar' .* and 'python' .*got both/],
    ['neither', {}, /exactly one of 'jar'.*got neither/],
    ['python with args', { python: PythonJob.fromScript('/opt/job.py'), args: ['x'] }, /pass the job's arguments as PythonJobOptions.args/],
  ])('a job with %s is refused', (_what, options, message) => {
    expect(() => new FlinkApplication(testChart(), 'App', { flinkVersion: FlinkVersion.V1_20, ...options } as any)).toThrow(message);
  });

  test('a PyFlink session job needs a jar the operator can download: the local flink-python jar is refused at synth', () => {
    const chart = testChart();
    new FlinkSessionCluster(chart, 'Session', { flinkVersion: FlinkVersion.V1_20 }).addJob('Py', { python: PythonJob.fromScript('/opt/job.py') });
    expect(() => synthValid(chart)).toThrow(/\[jar-uri-scheme\]/);
  });
});

describe('the SQL runner pattern', () => {
  test('runs the script mounted from a ConfigMap', () => {
    const manifests = synthValid(new SqlRunnerChart(new App(), 'sql'));
    expect(manifestOf(manifests, 'ConfigMap', 'sql-example-scripts').data).toEqual({ 'orders.sql': SQL });
    const deployment = manifestOf(manifests, 'FlinkDeployment', 'sql-example');
    expect(deployment.spec.job).toEqual({
      jarURI: 'local:///opt/flink/usrlib/sql-runner.jar',
      args: ['/opt/flink/usrlib/sql-scripts/orders.sql'],
      parallelism: 1,
      upgradeMode: 'stateless',
    });
    expect(deployment.spec.podTemplate.spec.volumes).toEqual([{ name: 'sql-scripts', configMap: { name: 'sql-example-scripts' } }]);
    expect(deployment.spec.podTemplate.spec.containers[0].volumeMounts).toEqual([{ name: 'sql-scripts', mountPath: '/opt/flink/usrlib/sql-scripts' }]);
  });
});
