// The validator-memory figure: peak RSS of `cdk8s-flink validate` on one large multi-document
// YAML file, in its own process.
//
//   node validator-memory.js write <file> <count>   writes <count> FlinkDeployments (about 1 kB
//                                                   each) and the RBAC they reference
//   node validator-memory.js ours <file>            runs the CLI's validate command on <file>
//   node validator-memory.js baseline <file>        parses <file> with YAML.parseAllDocuments
//                                                   and keeps every manifest, as the CLI did
//                                                   before it streamed documents
//
// `ours` and `baseline` print {"ms": .., "maxRssKb": .., ...}.
'use strict';
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const [mode, file, count] = process.argv.slice(2);

function deployment(index) {
  const name = `job-${String(index).padStart(6, '0')}`;
  return {
    apiVersion: 'flink.apache.org/v1beta1',
    kind: 'FlinkDeployment',
    metadata: { name, namespace: 'flink', labels: { 'app.kubernetes.io/name': name, team: `team-${index % 17}` } },
    spec: {
      image: 'flink:1.20.1-scala_2.12-java17',
      flinkVersion: 'v1_20',
      serviceAccount: 'flink',
      flinkConfiguration: {
        'taskmanager.numberOfTaskSlots': '2',
        'execution.checkpointing.interval': '60 s',
        'execution.checkpointing.dir': `s3://checkpoints/${name}`,
        'execution.checkpointing.savepoint-dir': `s3://savepoints/${name}`,
        'high-availability.type': 'kubernetes',
        'high-availability.storageDir': `s3://ha/${name}`,
      },
      jobManager: { resource: { memory: '2048m', cpu: 1 } },
      taskManager: { resource: { memory: '4096m', cpu: 2 }, replicas: 2 },
      podTemplate: {
        spec: {
          containers: [{
            name: 'flink-main-container',
            env: [{ name: 'PIPELINE', value: name }, { name: 'ENABLE_BUILT_IN_PLUGINS', value: 'flink-s3-fs-hadoop-1.20.1.jar' }],
          }],
        },
      },
      job: {
        jarURI: `local:///opt/flink/usrlib/${name}.jar`,
        entryClass: 'com.example.pipelines.Main',
        args: ['--input', `kafka://events-${index}`],
        parallelism: 4,
        // Every 100th job has an error, so that findings are placed too.
        upgradeMode: index % 100 === 0 ? 'Savepoint' : 'savepoint',
      },
    },
  };
}

const RBAC = [
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'flink', namespace: 'flink' } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'flink', namespace: 'flink' },
    rules: [
      { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['*'] },
      { apiGroups: ['apps'], resources: ['deployments', 'deployments/finalizers'], verbs: ['*'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: 'flink-role-binding', namespace: 'flink' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'flink' },
    subjects: [{ kind: 'ServiceAccount', name: 'flink', namespace: 'flink' }],
  },
];

if (mode === 'write') {
  const fd = fs.openSync(file, 'w');
  for (const manifest of RBAC) {
    fs.writeSync(fd, `${YAML.stringify(manifest)}---\n`);
  }
  for (let index = 1; index <= Number(count); index++) {
    fs.writeSync(fd, `${index > 1 ? '---\n' : ''}${YAML.stringify(deployment(index))}`);
  }
  fs.closeSync(fd);
  process.stdout.write(JSON.stringify({ bytes: fs.statSync(file).size, manifests: Number(count) + RBAC.length }));
} else if (mode === 'ours') {
  const { main } = require(path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js'));
  const start = process.hrtime.bigint();
  let lines = 0;
  let summary = '';
  const status = main(['validate', '--max-file-size', '256MiB', file], { out: () => { lines++; }, err: (line) => { summary = line; } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, status, findings: lines, summary }));
} else if (mode === 'baseline') {
  const start = process.hrtime.bigint();
  const text = fs.readFileSync(file, 'utf8');
  const lines = new YAML.LineCounter();
  const manifests = [];
  for (const document of YAML.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines })) {
    manifests.push(document.toJS({ maxAliasCount: 100 }));
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, manifests: manifests.length }));
} else {
  throw new Error(`unknown mode '${mode}'`);
}
