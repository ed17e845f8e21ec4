/**
 * A module loaded on first use, so that `require('cdk8s-flink')` stays cheap: the validation
 * engine, the Quartz cron parser and Flink's memory model are needed only by the apps and the
 * props that use them. The caller passes its own `require` call, so that the path stays
 * relative to its file: `onFirstUse(() => require('./engine'))`, exactly that shape, which
 * scripts/bundle.js finds in the compiled code to keep those modules out of lib/index.js.
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { readonly value: T } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}
