import { FlinkVersion } from './flink-version';
import { argumentError, propError } from './props/prop-errors';

/**
 * Options of a PyFlink job.
 */
export interface PythonJobOptions {
  /**
   * The Python interpreter that runs the job (`-pyclientexec`).
   *
   * @default - Flink's default, `python` on the PATH
   */
  readonly pythonExecutable?: string;

  /**
   * Extra Python files, folders or archives to add to the job's PYTHONPATH (`-pyfs`).
   *
   * @default - none
   */
  readonly pythonFiles?: string[];

  /**
   * Arguments for the job's own code; they come after Flink's Python options.
   *
   * @default - none
   */
  readonly args?: string[];

  /**
   * The flink-python jar in the image, which holds the PythonDriver (the job's `jarURI`).
   *
   * @default - `local:///opt/flink/opt/flink-python-<major>.<minor>.0.jar` (`flink-python_2.12-...`
   * up to Flink 1.15): set it when your image ships another patch release
   */
  readonly flinkPythonJar?: string;
}

/**
 * A PyFlink job, run by Flink's PythonDriver as the operator's Python example does: the
 * `entryClass` is `org.apache.flink.client.python.PythonDriver`, and the arguments name the
 * script (`-py`) or module (`-pym`), then the job's own arguments.
 *
 * The image must contain PyFlink and the job's code.
 *
 * @see https://github.com/apache/flink-kubernetes-operator/tree/main/examples/flink-python-example
 */
export class PythonJob {
  /** The entry class of every PyFlink job. */
  public static readonly ENTRY_CLASS = 'org.apache.flink.client.python.PythonDriver';

  /**
   * A job in a Python script in the image, e.g. `/opt/flink/usrlib/python_demo.py`.
   */
  public static fromScript(path: string, options: PythonJobOptions = {}): PythonJob {
    if (!path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
      throw argumentError('PythonJob.fromScript', 'path', `'path' must be an absolute path in the image or a URI, e.g. '/opt/flink/usrlib/job.py' (got '${path}').`);
    }
    return new PythonJob(['-py', path], options);
  }

  /**
   * A job in a Python module, e.g. `my_package.job`; `pythonFiles` must put its package on the
   * path (Flink runs a module only with `-pyfs`).
   */
  public static fromModule(module: string, options: PythonJobOptions = {}): PythonJob {
    if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(module)) {
      throw argumentError('PythonJob.fromModule', 'module', `'module' must be a dotted Python module name such as 'jobs.word_count' (got '${module}').`);
    }
    if (options.pythonFiles === undefined || options.pythonFiles.length === 0) {
      // PythonDriver refuses -pym without -pyfs ("Option -pym must be used in conjunction with `--pyFiles`").
      throw argumentError('PythonJob.fromModule', 'pythonFiles', `'pythonFiles' must name the files, folders or archives that hold module '${module}', e.g. ['/opt/flink/usrlib/jobs']: Flink runs a module only from them.`);
    }
    return new PythonJob(['-pym', module], options);
  }

  /** The driver arguments: Flink's Python options first, then the job's own. */
  public readonly args: string[];

  private constructor(program: string[], private readonly options: PythonJobOptions) {
    this.args = [
      ...(options.pythonFiles === undefined || options.pythonFiles.length === 0 ? [] : ['-pyfs', options.pythonFiles.join(',')]),
      ...(options.pythonExecutable === undefined ? [] : ['-pyclientexec', options.pythonExecutable]),
      ...program,
      ...(options.args ?? []),
    ];
  }

  /**
   * The flink-python jar for a Flink version.
   * @internal
   */
  public _jarUri(version: FlinkVersion | undefined): string {
    if (this.options.flinkPythonJar !== undefined) {
      return this.options.flinkPythonJar;
    }
    if (version === undefined) {
      // Thrown while a session job renders its spec, which gives it the job's construct path.
      throw propError('python', "A PythonJob on a session cluster of unknown Flink version needs 'flinkPythonJar' (the flink-python jar in the image).");
    }
    const file = version.isAtLeast(FlinkVersion.V1_16) ? `flink-python-${version.major}.${version.minor}.0.jar` : `flink-python_2.12-${version.major}.${version.minor}.0.jar`;
    return `local:///opt/flink/opt/${file}`;
  }
}
