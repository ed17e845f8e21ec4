/**
 * The benchmark harness (`npx projen bench`): every figure is a ratio against a baseline
 * measured in the same run, reported as the median over the runs, with min and max, in
 * bench/RESULTS.md.
 *
 * BENCH_RUNS (default 5) sets the runs; BENCH_QUICK=1 makes a smoke run (small sizes, one run,
 * results written to bench/.smoke-results.md): CI uses it to keep the harness working.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { quoteResults } from './quote-results';

const ROOT = path.resolve(__dirname, '..');
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 1 : Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const NODE = process.execPath;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-flink-bench-'));
const SIZES = QUICK ? { small: [2, 4], large: [4, 9] } : { small: [10, 99], large: [100, 99] };

interface Sample {
  readonly ours: number;
  readonly baseline: number;
}

interface Figure {
  readonly name: string;
  readonly what: string;
  readonly baseline: string;
  readonly unit: string;
  /** The largest ratio within budget; undefined for a figure shown for scale only. */
  readonly budget?: number;
  readonly budgetText: string;
  readonly samples: Sample[];
  readonly extra?: string;
}

function node(args: string[], env: { [key: string]: string } = {}): any {
  const output = execFileSync(NODE, args, { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(output.toString('utf8'));
}

/** Wall time of a command, in milliseconds. */
function wall(command: string, args: string[], expectStatus = 0): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== expectStatus) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function ratiosOf(figure: Figure): number[] {
  return figure.samples.map((s) => s.ours / s.baseline);
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'index.js'))) {
    throw new Error('lib/ is missing: run `npx projen compile` first (`npx projen bench` does).');
  }
  const figures: Figure[] = [];
  const synth = path.join(ROOT, 'bench', 'workloads', 'synth.js');

  // Manifests of both sizes, for the raw ApiObject baselines and the validator.
  const manifests: { [size: string]: { file: string; customResources: number; total: number } } = {};
  for (const [size, [clusters, jobs]] of Object.entries(SIZES)) {
    const file = path.join(WORK, `${size}.json`);
    const counts = node([synth, 'dump', String(clusters), String(jobs), file]);
    manifests[size] = { file, customResources: counts.customResources, total: counts.manifests };
  }

  // Synth overhead and scaling
  const synthSamples: { [size: string]: Sample[] } = { small: [], large: [] };
  const firstSynthSamples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [size, [clusters, jobs]] of Object.entries(SIZES)) {
      const result = node([synth, 'both', String(clusters), String(jobs), manifests[size].file], { BENCH_RUN: String(run) });
      synthSamples[size].push({ ours: result.flink, baseline: result.baseline });
      log(`synth ${size} run ${run + 1}: ${JSON.stringify(result)}`);
      if (size === 'small') {
        // Each first run in a process of its own, the two in alternating order.
        const first = (which: string): number => node([synth, 'first', String(clusters), String(jobs), manifests[size].file, which]).ms;
        const sample = run % 2 === 0
          ? { baseline: first('baseline'), ours: first('flink') }
          : { ours: first('flink'), baseline: first('baseline') };
        firstSynthSamples.push(sample);
        log(`first synth run ${run + 1}: ${JSON.stringify(sample)}`);
      }
    }
  }
  // Budgets: 1.25× at 1,000 custom resources; at 10,000, where cdk8s's own work per chart
  // dominates, no more than plain cdk8s (1.0×).
  const synthBudget = { small: 1.25, large: 1 };
  for (const size of ['small', 'large'] as const) {
    const [clusters, jobs] = SIZES[size];
    figures.push({
      name: `synth overhead, ${manifests[size].customResources.toLocaleString('en-US')} custom resources`,
      what: `${clusters} session clusters x ${jobs} session jobs (${manifests[size].total.toLocaleString('en-US')} manifests with RBAC) through the constructs, validation included, \`app.synthYaml()\``,
      baseline: 'the same manifests as plain cdk8s `ApiObject`s, in the same process',
      unit: 'ms',
      budget: synthBudget[size],
      budgetText: `≤ ${synthBudget[size].toFixed(synthBudget[size] === 1 ? 1 : 2)}×`,
      samples: synthSamples[size],
    });
  }
  figures.push({
    name: `first synth, ${manifests.small.customResources.toLocaleString('en-US')} custom resources`,
    what: 'the same workload, the first full-size run after a small warm-up, alone in its process: what one `cdk8s synth` pays while the JIT still compiles (ours runs more code, so it compiles more)',
    baseline: 'the first full-size run of the plain `ApiObject`s after the same warm-up, alone in its process (in a shared process, whichever ran second would find the code both share warm)',
    unit: 'ms',
    budget: 1.3,
    budgetText: '≤ 1.3×',
    samples: firstSynthSamples,
  });
  // cdk8s itself does not scale linearly on this workload: it validates the whole app again for
  // every chart it renders (10 charts at 1,000 resources, 100 at 10,000), so the raw ApiObjects
  // take about 20 times as long for 10 times the resources. The figure compares how our time
  // grows with how the baseline's grows: above 1, the constructs add work that grows faster than
  // cdk8s's own.
  figures.push({
    name: 'scaling',
    what: `how the synth time grows from ${manifests.small.customResources.toLocaleString('en-US')} to ${manifests.large.customResources.toLocaleString('en-US')} custom resources through the constructs: time(large) / time(small)`,
    baseline: 'the same growth of the plain `ApiObject`s (cdk8s itself, which validates the app once per chart)',
    unit: 'times',
    budget: QUICK ? Infinity : 1.1,
    budgetText: '≤ 1.1×',
    samples: synthSamples.large.map((large, run) => ({
      ours: large.ours / synthSamples.small[run].ours,
      baseline: large.baseline / synthSamples.small[run].baseline,
    })),
  });

  // Cold start
  const coldStart = path.join(ROOT, 'bench', 'workloads', 'cold-start.js');
  const coldSamples: Sample[] = [];
  for (let run = 0; run < Math.max(RUNS, QUICK ? 1 : 9); run++) {
    const order = run % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    const sample: any = {};
    for (const which of order) {
      sample[which] = wall(NODE, [coldStart, which === 'ours' ? path.join(ROOT, 'lib', 'index.js') : 'cdk8s-plus-28']);
    }
    coldSamples.push(sample);
  }
  figures.push({
    name: 'cold start',
    what: "`node -e \"require('cdk8s-flink')\"` (the compiled lib/)",
    baseline: "`require('cdk8s-plus-28')`",
    unit: 'ms',
    budget: 1.15,
    budgetText: '≤ 1.15×',
    samples: coldSamples,
  });

  // Type-check
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const typeSamples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ours = wall(NODE, [tsc, '-p', path.join('bench', 'typecheck', 'tsconfig.flink.json')]);
    const baseline = wall(NODE, [tsc, '-p', path.join('bench', 'typecheck', 'tsconfig.raw.json')]);
    typeSamples.push({ ours, baseline });
  }
  figures.push({
    name: 'type-check',
    what: '`tsc --noEmit` of the quick-start app (bench/typecheck/flink-app.ts)',
    baseline: 'the same app with cdk8s-plus-28 and raw `ApiObject`s (bench/typecheck/raw-app.ts)',
    unit: 'ms',
    budget: 1.3,
    budgetText: '≤ 1.3×',
    samples: typeSamples,
  });

  // Package size
  const sizeOf = (target: string): number => {
    const stat = fs.statSync(target);
    return stat.isDirectory() ? fs.readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0) : stat.size;
  };
  const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }))[0];
  // What the package holds of lib/ and .jsii (the source maps next to lib/'s files stay out of it).
  const compiled = (pack.files as Array<{ path: string; size: number }>)
    .filter((file) => file.path.startsWith('lib/') || file.path === '.jsii').reduce((sum, file) => sum + file.size, 0);
  const kplus = sizeOf(path.join(ROOT, 'node_modules', 'cdk8s-plus-28'));
  figures.push({
    name: 'package size',
    what: `\`npm pack\` unpacked size (${pack.entryCount} files, bundled \`yaml\` and \`node-sarif-builder\` included); its lib/ and .jsii alone: ${(compiled / 1e6).toFixed(2)} MB (budget 3 MB)`,
    baseline: "cdk8s-plus-28's installed size",
    unit: 'bytes',
    budget: 1 / 3,
    budgetText: '≤ 3 MB, and ≤ 1/3 of the baseline',
    samples: [{ ours: pack.unpackedSize, baseline: kplus }],
    extra: compiled <= 3e6 && pack.unpackedSize <= 3e6 ? undefined : 'over 3 MB',
  });

  // Validator throughput
  const yamlFile = path.join(WORK, 'large.yaml');
  const largeManifests = JSON.parse(fs.readFileSync(manifests.large.file, 'utf8'));
  // Every 10th session job gets an error, so that the run also places findings (file:line:col).
  let sessionJobs = 0;
  for (const manifest of largeManifests) {
    if (manifest.kind === 'FlinkSessionJob' && sessionJobs++ % 10 === 0) {
      manifest.spec.job.parallelism = 0;
    }
  }
  const withErrors = Math.ceil(sessionJobs / 10);
  fs.writeFileSync(yamlFile, largeManifests.map((m: any) => YAML.stringify(m)).join('---\n'));
  const parse = path.join(ROOT, 'bench', 'workloads', 'parse-yaml.js');
  const cli = path.join(ROOT, 'bin', 'cdk8s-flink');
  const validatorSamples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const order = run % 2 === 0 ? ['ours', 'baseline'] : ['baseline', 'ours'];
    const sample: any = {};
    for (const which of order) {
      sample[which] = which === 'ours' ? wall(NODE, [cli, 'validate', yamlFile], 1) : wall(NODE, [parse, yamlFile]);
    }
    validatorSamples.push(sample);
  }
  figures.push({
    name: 'validator throughput',
    what: `\`cdk8s-flink validate\` on ${largeManifests.length.toLocaleString('en-US')} manifests in one multi-document YAML file, ${withErrors.toLocaleString('en-US')} of them with an error placed at file:line:col`,
    baseline: 'parsing the same YAML alone with the same YAML library (bench/workloads/parse-yaml.js)',
    unit: 'ms',
    budget: 1.5,
    budgetText: '≤ 1.5×',
    samples: validatorSamples,
  });

  // Validator memory: one large file, read as a stream of documents
  const validatorMemory = path.join(ROOT, 'bench', 'workloads', 'validator-memory.js');
  const deploymentsFile = path.join(WORK, 'deployments.yaml');
  const deploymentCount = QUICK ? 500 : 50_000;
  const written = node([validatorMemory, 'write', deploymentsFile, String(deploymentCount)]);
  const validatorMemorySamples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ours = node([validatorMemory, 'ours', deploymentsFile]);
    const baseline = node([validatorMemory, 'baseline', deploymentsFile]);
    log(`validator memory run ${run + 1}: ours ${JSON.stringify(ours)}, baseline ${JSON.stringify(baseline)}`);
    // The workload is valid but for the 1% with an error: anything else measures another workload.
    if (ours.findings !== deploymentCount / 100) {
      throw new Error(`validator memory: expected ${deploymentCount / 100} findings (1% of the FlinkDeployments), got ${ours.findings}: ${ours.summary}`);
    }
    validatorMemorySamples.push({ ours: ours.maxRssKb * 1024, baseline: baseline.maxRssKb * 1024 });
  }
  const validatorPeak = median(validatorMemorySamples.map((sample) => sample.ours));
  figures.push({
    name: `validator memory, ${(written.bytes / 1e6).toFixed(0)} MB file`,
    what: `peak RSS of \`cdk8s-flink validate\` on one ${(written.bytes / 1e6).toFixed(1)} MB YAML file of ${deploymentCount.toLocaleString('en-US')} FlinkDeployments (1% with an error), in its own process (workloads/validator-memory.js)`,
    baseline: '`YAML.parseAllDocuments` of the same file keeping every manifest, as the CLI read files before it streamed them',
    unit: 'bytes',
    budget: Infinity,
    budgetText: '≤ 400 MB',
    samples: validatorMemorySamples,
    extra: QUICK || validatorPeak <= 400e6 ? undefined : 'over 400 MB',
  });

  // Peak memory
  const [clusters, jobs] = SIZES.large;
  const memorySamples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const ours = node([synth, 'flink', String(clusters), String(jobs)]).maxRssKb;
    const baseline = node([synth, 'raw', String(clusters), String(jobs), manifests.large.file]).maxRssKb;
    memorySamples.push({ ours: ours * 1024, baseline: baseline * 1024 });
  }
  figures.push({
    name: 'memory',
    what: `peak RSS of the ${manifests.large.customResources.toLocaleString('en-US')}-resource synth (separate process)`,
    baseline: 'the raw `ApiObject` run (separate process, manifests loaded from JSON)',
    unit: 'bytes',
    budget: 1.5,
    budgetText: '≤ 1.5×',
    samples: memorySamples,
  });

  const report = render(figures);
  const target = path.join(ROOT, 'bench', QUICK ? '.smoke-results.md' : 'RESULTS.md');
  fs.writeFileSync(target, report);
  if (!QUICK) {
    quoteResults(ROOT);
  }
  fs.rmSync(WORK, { recursive: true, force: true });
  process.stdout.write(report);
  log(`wrote ${path.relative(ROOT, target)}`);
}

function show(value: number, unit: string): string {
  if (unit === 'times') {
    return `${value.toFixed(1)}×`;
  }
  if (unit === 'bytes') {
    return `${(value / 1e6).toFixed(2)} MB`;
  }
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`;
}

function render(figures: Figure[]): string {
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'bench'], { cwd: ROOT, encoding: 'utf8' }).trim();
      return changed === '' ? head : `${head} with uncommitted changes to src/ or bench/`;
    } catch {
      return 'unknown';
    }
  })();
  const rows = figures.map((figure) => {
    const ratios = ratiosOf(figure);
    const ratio = median(ratios);
    const within = figure.budget === undefined || (ratio <= figure.budget && figure.extra === undefined);
    const ratioText = figure.budget !== undefined && figure.budget < 1 ? `1/${(1 / ratio).toFixed(2)}` : `${ratio.toFixed(2)}×`;
    const range = ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : '';
    const cells = [figure.name, figure.what, figure.baseline, show(median(figure.samples.map((s) => s.ours)), figure.unit),
      show(median(figure.samples.map((s) => s.baseline)), figure.unit), `**${ratioText}**${range}`];
    // A smoke run is not a measurement: it gives no budget verdicts.
    if (!QUICK) {
      const status = figure.budget === undefined ? 'not budgeted' : within ? 'within budget' : `**over budget**${figure.extra ? ` (${figure.extra})` : ''}`;
      cells.push(figure.budgetText, status);
    }
    return `| ${cells.join(' | ')} |`;
  });
  const header = ['figure', 'ours', 'baseline', 'ours (median)', 'baseline (median)', 'ratio (min–max)', ...(QUICK ? [] : ['budget', 'status'])];
  return [
    `# Benchmark results${QUICK ? ' (smoke run: small sizes, one run; not a measurement, so no budget verdicts)' : ''}`,
    '',
    `Measured by \`npx projen bench\` on ${new Date().toISOString().slice(0, 10)}, commit ${commit}, Node.js ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}).`,
    `Each figure is a ratio against a baseline measured in the same run: the median over ${RUNS} runs, with min–max; absolute times are medians too.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}

main();
