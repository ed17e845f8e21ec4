/**
 * The validation engine, loaded on first use: importing cdk8s-flink stays cheap (the rules,
 * the memory model and the schemas are needed only at synth or when validating).
 */
import type * as Engine from './engine';

let loaded: typeof Engine | undefined;

export function validationEngine(): typeof Engine {
  if (loaded === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('./engine') as typeof Engine;
  }
  return loaded;
}
