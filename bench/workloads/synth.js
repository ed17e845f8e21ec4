// Synthesizes N session clusters x M session jobs, through cdk8s-flink (validation included)
// and, as the baseline, the same manifests as plain cdk8s ApiObjects.
//
//   node synth.js <mode> <clusters> <jobsPerCluster> [<manifests.json>] [<which>]
//
// mode: `both` times the baseline and the constructs in this one process, in alternating order
// by BENCH_RUN, in steady state (the fifth full-size run of each) and prints
// {"baseline": ms, "flink": ms}; `first` times the first full-size run of one of them (<which>:
// `baseline` or `flink`) after the same small warm-up as `both`, alone in its process, as one
// `cdk8s synth` runs it, and prints {"ms": ..}; `flink` or `raw` build only one (for peak RSS)
// and print {"ms": .., "maxRssKb": ..}; `dump` writes the constructs' manifests to <manifests.json>.
'use strict';
const fs = require('fs');
const path = require('path');
const ROOT = path.resolve(__dirname, '..', '..');
const { App, Chart, ApiObject, Size } = require('cdk8s');
const flink = require(path.join(ROOT, 'lib', 'index.js'));

const JAR = 'https://repo1.maven.org/maven2/org/apache/flink/flink-examples-streaming_2.12/1.17.1/flink-examples-streaming_2.12-1.17.1-WordCount.jar';

function flinkApp(clusters, jobs) {
  const app = new App({ outdir: '/tmp/cdk8s-flink-bench' });
  app.node.setContext('cdk8s-flink:print-warnings', false);
  for (let c = 0; c < clusters; c++) {
    const chart = new Chart(app, `team-${c}`, { namespace: `team-${c}` });
    const cluster = new flink.FlinkSessionCluster(chart, 'Session', {
      metadata: { name: `session-${c}` },
      flinkVersion: flink.FlinkVersion.V1_20,
      jobManager: { memory: Size.mebibytes(2048) },
      taskManager: { memory: Size.mebibytes(4096), slots: 4 },
    });
    for (let j = 0; j < jobs; j++) {
      cluster.addJob(`Job${j}`, { metadata: { name: `job-${j}` }, jar: flink.JobJar.fromUri(JAR), parallelism: 2, upgradeMode: flink.UpgradeMode.STATELESS });
    }
  }
  return app;
}

function rawApp(manifests) {
  const app = new App({ outdir: '/tmp/cdk8s-flink-bench' });
  const charts = new Map();
  manifests.forEach((manifest, index) => {
    const namespace = manifest.metadata.namespace;
    let chart = charts.get(namespace);
    if (!chart) {
      chart = new Chart(app, namespace, { namespace });
      charts.set(namespace, chart);
    }
    new ApiObject(chart, `o${index}`, manifest);
  });
  return app;
}

// No forced garbage collection between runs: V8's gc() collects "all available garbage", which
// also drops compiled code and type feedback, so the run after it would measure code going cold
// again (both paths slow down, the one with more code the most) rather than synth work.
function timed(build) {
  const start = process.hrtime.bigint();
  const app = build();
  const yaml = app.synthYaml();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (yaml.length === 0) throw new Error('nothing synthesized');
  return ms;
}

function loadManifests(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const [mode, clustersArg, jobsArg, manifestsFile] = process.argv.slice(2);
const clusters = Number(clustersArg);
const jobs = Number(jobsArg);

if (mode === 'dump') {
  const app = flinkApp(clusters, jobs);
  const manifests = app.charts.flatMap((chart) => chart.toJson());
  fs.writeFileSync(manifestsFile, JSON.stringify(manifests));
  process.stdout.write(JSON.stringify({ manifests: manifests.length, customResources: manifests.filter((m) => m.apiVersion.startsWith('flink.apache.org/')).length }));
} else if (mode === 'both' || mode === 'first') {
  const manifests = loadManifests(manifestsFile);
  // Load the modules and touch every path on a small app first, as one `cdk8s synth` of a small
  // app would.
  const warmup = flinkApp(2, 5);
  timed(() => rawApp(warmup.charts.flatMap((chart) => chart.toJson())));
  timed(() => flinkApp(2, 5));
  const measure = (which) => (which === 'baseline' ? timed(() => rawApp(manifests)) : timed(() => flinkApp(clusters, jobs)));
  if (mode === 'first') {
    // The first full-size run, alone in its process: in a process shared with the other, whichever
    // ran first would also warm the code both share (cdk8s, yaml) for the second.
    const which = process.argv[6];
    if (which !== 'baseline' && which !== 'flink') throw new Error(`first: <which> must be baseline or flink (got ${which})`);
    process.stdout.write(JSON.stringify({ ms: measure(which) }));
  } else {
    const run = Number(process.env.BENCH_RUN || 0);
    const order = run % 2 === 0 ? ['baseline', 'flink'] : ['flink', 'baseline'];
    // The JIT takes a few full-size runs to settle (measured: the third run is within a few per
    // cent of the tenth); the fifth run of each is the steady-state figure.
    for (let warm = 0; warm < 4; warm++) {
      order.forEach(measure);
    }
    const result = {};
    for (const which of order) {
      result[which] = measure(which);
    }
    process.stdout.write(JSON.stringify(result));
  }
} else if (mode === 'flink' || mode === 'raw') {
  const manifests = mode === 'raw' ? loadManifests(manifestsFile) : undefined;
  const ms = timed(() => (mode === 'raw' ? rawApp(manifests) : flinkApp(clusters, jobs)));
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));
} else {
  throw new Error(`unknown mode ${mode}`);
}
