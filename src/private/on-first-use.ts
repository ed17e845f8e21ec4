/**
 * A module loaded on first use, so that `require('cdk8s-flink')` stays cheap: the validation
 * engine, the Quartz cron parser and Flink's memory model are needed only by the apps and the
 * props that use them. The caller passes its own `require` call, so that the path stays
 * relative to its file.
 */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { readonly value: T } | undefined;
  return () => {
    loaded ??= { value: load() };
    return loaded.value;
  };
}
