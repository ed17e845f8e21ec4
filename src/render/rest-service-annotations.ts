/**
 * The annotations an authentication needs on the cluster's REST Service (GKE's BackendConfig),
 * written through the Flink option `kubernetes.rest-service.annotations`.
 */
import { REST_SERVICE_ANNOTATIONS } from '../private/options/flink-options';
import { mainKey, typeAt } from '../private/options/option';
import { entryProp, propError } from '../props/prop-errors';

/** The Flink option that annotates the REST Service. */
export const REST_SERVICE_ANNOTATIONS_KEY = mainKey(REST_SERVICE_ANNOTATIONS);

/** The text, quoted with `'` (doubling the quotes in it) when `needsQuotes` says so or it is empty. */
function quoted(text: string, needsQuotes: RegExp): string {
  return text === '' || needsQuotes.test(text) ? `'${text.replace(/'/g, "''")}'` : text;
}

/**
 * The Flink map text of the entries. Flink splits the text on `,` first, then each entry on
 * `:`, unquoting at each step: a key or value with `:` or a quote is quoted within its entry,
 * and an entry with `,` or a leading quote is quoted again as a whole.
 */
export function flinkMapText(entries: { [key: string]: string }): string {
  return Object.entries(entries)
    .map(([key, value]) => quoted(`${quoted(key, /[:'"]|^\s|\s$/)}:${quoted(value, /[:'"]|^\s|\s$/)}`, /,|^['"\s]|\s$/))
    .join(',');
}

/**
 * The configuration entry to add for the REST Service annotations, or undefined when the
 * configured value already holds them. A configured value without them is an error: it is the
 * user's, and is not rewritten.
 */
export function restServiceAnnotationsEntry(
  configured: string | undefined,
  needed: { [key: string]: string },
  method: string,
): { key: string; value: string } | undefined {
  const key = REST_SERVICE_ANNOTATIONS_KEY;
  if (configured === undefined) {
    return { key, value: flinkMapText(needed) };
  }
  const parsed = typeAt(REST_SERVICE_ANNOTATIONS, undefined).read(configured);
  const missing = Object.entries(needed).filter(([name, value]) => !parsed.ok || parsed.value?.get(name) !== value);
  if (missing.length === 0) {
    return undefined;
  }
  throw propError(entryProp('flinkConfiguration', key), `${method} needs the REST Service annotation ${flinkMapText(Object.fromEntries(missing))}, but flinkConfiguration '${key}' `
    + `is set to '${configured}' without it. Add the entry to that value.`);
}
