/**
 * What a job runs: an application's jarURI that Flink can open, and PyFlink jobs as Flink
 * recognises them.
 *
 * Flink treats a job as PyFlink when its entry class is `PythonDriver` or its arguments name a
 * Python program (`-py`, `--python`, `-pym`, `--pyModule`: `PackagedProgramUtils.isPython`). An
 * application cluster then ignores the jarURI and adds the flink-python jar of `/opt/flink/opt`
 * itself (`KubernetesApplicationClusterEntrypoint`: no jar validation for a PyFlink job). A
 * session job's jar is uploaded to the cluster's REST API, which takes `.jar` files only, and run
 * with the entry class given, or the jar's Main-Class.
 */
import { FlinkVersion } from '../../flink-version';
import { uriPath, uriScheme } from '../../private/flink/uri';
import { flinkVersionOf } from '../configuration';
import { RuleContext } from '../context';

const PYTHON_DRIVER = 'org.apache.flink.client.python.PythonDriver';
const PYTHON_ENTRY_CLASSES = [PYTHON_DRIVER, 'org.apache.flink.client.python.PythonGatewayServer'];
const PROGRAM_OPTIONS = ['-py', '--python', '-pym', '--pyModule'];
const MODULE_OPTIONS = ['-pym', '--pyModule'];
const FILES_OPTIONS = ['-pyfs', '--pyFiles'];

function stringArgs(args: unknown): string[] {
  return Array.isArray(args) ? args.filter((arg): arg is string => typeof arg === 'string') : [];
}

export function checkPythonJob(context: RuleContext): void {
  const job = context.spec.job;
  if (job === null || typeof job !== 'object') {
    return;
  }
  const session = context.kind === 'FlinkSessionJob';
  const args = stringArgs(job.args);
  const entryClass = typeof job.entryClass === 'string' ? job.entryClass : undefined;
  const programOption = args.find((arg) => PROGRAM_OPTIONS.includes(arg));
  const python = (entryClass !== undefined && PYTHON_ENTRY_CLASSES.includes(entryClass)) || (!session && programOption !== undefined);
  const jar = typeof job.jarURI === 'string' ? job.jarURI : undefined;

  if (jar !== undefined && /\.py$/i.test(uriPath(jar))) {
    if (session) {
      context.report('python-job', 'spec.job.jarURI',
        `spec.job.jarURI '${jar}' is a Python file, but the operator uploads a session job's jarURI to the cluster, whose REST API takes only .jar files ("Only Jar files are allowed."). Use the flink-python jar as jarURI, entryClass '${PYTHON_DRIVER}', and args ['-py', '<the script>'].`);
    } else if (!python) {
      context.report('python-job', 'spec.job.jarURI',
        `spec.job.jarURI '${jar}' is a Python file, but without the PythonDriver entry class or a -py argument Flink opens it as a jar and fails. Set entryClass '${PYTHON_DRIVER}' and args ['-py', '${uriPath(jar)}'] (the jarURI is then only a placeholder).`);
    }
  }
  if (session && programOption !== undefined && entryClass === undefined) {
    context.report('python-job', 'spec.job.entryClass',
      `spec.job.args name a Python program ('${programOption}'), but a session job without entryClass runs the Main-Class of its jar, which does not run Python. Set entryClass '${PYTHON_DRIVER}'.`);
  }
  if (entryClass === PYTHON_DRIVER && programOption === undefined) {
    context.report('python-job', 'spec.job.args',
      'spec.job.entryClass is PythonDriver, but spec.job.args name no Python program: the job fails with "The Python entrypoint has not been specified. It can be specified with options -py or -pym". Add \'-py\', \'<the script>\' or \'-pym\', \'<the module>\' to args.');
  }
  const moduleOption = args.find((arg) => MODULE_OPTIONS.includes(arg));
  if (python && moduleOption !== undefined && !args.some((arg) => FILES_OPTIONS.includes(arg))) {
    context.report('python-job', 'spec.job.args',
      `spec.job.args run a Python module ('${moduleOption}') without '-pyfs': the job fails with "Option -pym must be used in conjunction with \`--pyFiles\`". Add '-pyfs', '<the files or archive that hold the module>'.`);
  }
}

/**
 * An application's jarURI without a scheme. Flink resolves it as a file of the deploying
 * process (`PackagedProgramUtils.resolveURI`), and before Flink 1.19 application mode takes
 * only `local://` (`KubernetesUtils.checkJarFileForApplicationMode`).
 */
export function checkApplicationJarUri(context: RuleContext): void {
  const job = context.spec.job;
  const jar = job?.jarURI;
  const version = flinkVersionOf(context.spec.flinkVersion);
  if (typeof jar !== 'string' || jar.trim() === '' || uriScheme(jar) !== undefined || version === undefined || version.isAtLeast(FlinkVersion.V1_19)) {
    return;
  }
  const python = PYTHON_ENTRY_CLASSES.includes(job.entryClass) || stringArgs(job.args).some((arg) => PROGRAM_OPTIONS.includes(arg));
  if (python) {
    return; // a PyFlink application ignores its jarURI
  }
  const absolute = jar.startsWith('/') ? jar : `/opt/flink/usrlib/${jar.replace(/^\.\//, '')}`;
  context.report('application-jar-uri', 'spec.job.jarURI',
    `spec.job.jarURI '${jar}' has no scheme: Flink resolves it as a file:// path of the process that deploys the cluster, and Flink ${version.major}.${version.minor} runs only jars in the image, written local:// ("Only "local" is supported as schema for application mode"). Write 'local://${absolute}'.`);
}
