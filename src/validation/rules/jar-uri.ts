/**
 * The operator's checks of a session job's jarURI: a valid URI with a scheme from the
 * allowlist, and for http(s) a host that is not a restricted address.
 *
 * The operator resolves host names through DNS; at synth time only IP literals and `localhost`
 * can be judged, so those are checked and other names pass.
 */
import { uriScheme } from '../../private/flink/uri';
import { RuleContext, Settings } from '../context';
import { RuleId } from '../rule-catalog';

/** Characters java.net.URI refuses anywhere in a URI (besides control characters). */
const ILLEGAL = /[\s<>"{}|\\^`]/;
const HOSTNAME = /^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

function syntaxProblem(uri: string): string | undefined {
  const illegal = ILLEGAL.exec(uri);
  if (illegal) {
    return `illegal character ${JSON.stringify(illegal[0])} at index ${illegal.index}`;
  }
  const percent = /%(?![0-9A-Fa-f]{2})/.exec(uri);
  if (percent) {
    return `malformed escape at index ${percent.index}`;
  }
  if (/^[^/?#]*:/.test(uri) && uriScheme(uri) === undefined) {
    return 'illegal character in scheme name';
  }
  return undefined;
}

/** The parts of an IPv4 literal as Java's InetAddress reads it (1 to 4 decimal parts), or undefined. */
function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) {
    return undefined;
  }
  const values = parts.map(Number);
  const last = values[values.length - 1];
  const lastBytes = 5 - values.length;
  if (values.slice(0, -1).some((v) => v > 255) || last >= 256 ** lastBytes) {
    return undefined;
  }
  const bytes = values.slice(0, -1);
  for (let i = lastBytes - 1; i >= 0; i--) {
    bytes.push(Math.floor(last / 256 ** i) % 256);
  }
  return bytes;
}

function restrictedIpv4([a, b]: number[]): boolean {
  return a === 127 || (a === 169 && b === 254) || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
    || (a === 0 && b === 0) || (a >= 224 && a <= 239);
}

function restrictedIpv6(host: string): boolean | undefined {
  const zone = host.indexOf('%');
  const address = (zone < 0 ? host : host.slice(0, zone)).toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(address) || !address.includes(':')) {
    return undefined;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) {
    const v4 = ipv4(mapped[1]);
    return v4 !== undefined && restrictedIpv4(v4);
  }
  if (address === '::' || address === '::1' || /^0*:(0*:)*0*1?$/.test(address)) {
    return true;
  }
  // fe80::/10 link-local, fec0::/10 site-local, ff00::/8 multicast
  const first = parseInt(address.split(':')[0] || '0', 16);
  const prefix10 = Math.floor(first / 64) * 64;
  return prefix10 === 0xfe80 || prefix10 === 0xfec0 || Math.floor(first / 256) === 0xff;
}

/** Whether a host is a loopback, link-local, site-local, wildcard or multicast address (or localhost). */
export function isRestrictedHost(host: string): boolean {
  if (/^localhost\.?$/i.test(host)) {
    return true;
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    return restrictedIpv6(host.slice(1, -1)) === true;
  }
  const v4 = ipv4(host);
  if (v4 !== undefined) {
    const [a, b, c, d] = v4;
    return restrictedIpv4([a, b, c, d]) || (a === 0 && b === 0 && c === 0 && d === 0);
  }
  return false;
}

export function checkJarUri(context: RuleContext): void {
  const uri = context.spec.job?.jarURI;
  if (typeof uri !== 'string') {
    return;
  }
  // Jobs often share a jar: its check (with this run's settings) is made once.
  const problem = context.index.memo('jar-uri', uri, () => jarUriProblem(uri, context.settings));
  if (problem !== undefined) {
    context.report(problem.rule, PATH, problem.message);
  }
}

const PATH = 'spec.job.jarURI';

/** What the operator would refuse in a session job's jarURI, with the settings of the run. */
function jarUriProblem(uri: string, settings: Settings): { rule: RuleId; message: string } | undefined {
  const path = PATH;
  const problem = syntaxProblem(uri);
  if (problem) {
    return { rule: 'jar-uri-syntax', message: `${path} '${uri}' is not a valid URI (${problem}). Percent-encode spaces and special characters.` };
  }
  const scheme = uriScheme(uri);
  if (scheme === undefined) {
    return { rule: 'jar-uri-scheme', message: `${path} '${uri}' has no scheme; the operator downloads session job jars from a URL such as 'https://repo.example.com/job.jar'.` };
  }
  const allowed = settings.allowedJarSchemes;
  if (!allowed.includes(scheme.toLowerCase())) {
    return {
      rule: 'jar-uri-scheme',
      message: `${path} '${uri}' uses the scheme '${scheme}', which the operator does not allow for session jobs (allowed: ${allowed.join(', ')}). Serve the jar over https, or extend 'kubernetes.operator.user.artifacts.allowed-schemes' in the operator's configuration.`,
    };
  }
  const lower = scheme.toLowerCase();
  if ((lower === 'http' || lower === 'https') && settings.disallowRestrictedHosts) {
    const authority = /^[^:]+:\/\/([^/?#]*)/.exec(uri)?.[1] ?? '';
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.replace(/:\d*$/, '');
    const validHost = host.startsWith('[') ? restrictedIpv6(host.slice(1, -1)) !== undefined : (ipv4(host) !== undefined && host.split('.').length === 4) || HOSTNAME.test(host);
    if (host === '' || !validHost) {
      return { rule: 'jar-uri-host', message: `${path} '${uri}' has no valid host; an ${lower} jar URL needs one, e.g. 'https://repo.example.com/job.jar'.` };
    } else if (isRestrictedHost(host)) {
      return {
        rule: 'jar-uri-restricted-host',
        message: `${path} '${uri}' points at '${host}', a loopback, link-local, private, wildcard or multicast address, which the operator refuses for session job jars. Host the jar on a public or allow-listed address.`,
      };
    }
  }
  return undefined;
}
