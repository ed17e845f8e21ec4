// The validator-throughput baseline: parse a multi-document YAML file with the same YAML
// library and calls the cdk8s-flink CLI uses (parseAllDocuments, then toJS), and nothing else.
'use strict';
const fs = require('fs');
const YAML = require('yaml');

const text = fs.readFileSync(process.argv[2], 'utf8');
const lines = new YAML.LineCounter();
let count = 0;
for (const document of YAML.parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines })) {
  if (document.errors.length > 0) throw new Error(document.errors[0].message);
  if (document.toJS({ maxAliasCount: 100 }) !== null) count++;
}
process.stdout.write(JSON.stringify({ documents: count }));
