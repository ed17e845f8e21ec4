/**
 * The validation engine, loaded on first use: importing cdk8s-flink stays cheap (the rules,
 * the memory model and the schemas are needed only at synth or when validating).
 */
import type * as Engine from './engine';
import { onFirstUse } from '../private/on-first-use';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const validationEngine = onFirstUse(() => require('./engine') as typeof Engine);
