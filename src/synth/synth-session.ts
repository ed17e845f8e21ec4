/**
 * Work shared by the validations of one synth, and only of one synth.
 *
 * cdk8s validates the whole app once per synth and then again for every chart it renders
 * (`Chart.toJson()` validates the app), so an app with 100 charts would run the engine 101
 * times. Between those validations only cdk8s runs: no code of the user's can change the app
 * while `App.synth()`, `App.synthYaml()` or `Chart.toJson()` is on the stack. That call is a
 * **synth session**. The first validation of a session runs the engine and keeps its result with
 * the JSON of the objects it rendered; the later validations of the session, and the rendering of
 * the Flink objects themselves, reuse them. When the outermost call returns, the session ends and
 * its result is dropped: the next synth sees the app as it is then, whatever changed it (our
 * constructs, plain `ApiObject`s, cdk8s-plus mutators, JSON patches).
 *
 * The session begins and ends with those calls: `openSessionsOn` wraps `synth`, `synthYaml` and
 * `toJson` on the app and on each chart that holds a Flink construct (the instances' own methods,
 * nothing global). A validation outside any session (a chart without a Flink construct rendered
 * on its own, or a synth started through a jsii runtime, which calls the class's method) runs the
 * engine afresh: slower, never stale.
 */
import { IConstruct } from 'constructs';

/** An error of the app's validation, and the construct whose validation reports it. */
export interface OwnedError {
  /** The construct (a Flink construct, or the chart for what belongs to none) that reports it. */
  readonly owner: IConstruct;
  readonly text: string;
}

/** What the engine found in a session: the errors, and the JSON of every object it rendered. */
export interface ValidationResult {
  readonly errors: ReadonlyArray<OwnedError>;
  readonly json: ReadonlyMap<IConstruct, any>;
}

interface Session {
  /** How many session calls are on the stack (a chart's `toJson` inside the app's `synth`, ...). */
  depth: number;
  result?: ValidationResult;
}

/** The open session of each app, by its root. */
const sessions = new WeakMap<IConstruct, Session>();

/** The objects whose session methods are wrapped already. */
const wrapped = new WeakSet<object>();

/** The methods that are one synth each: the app's, and a chart's. */
const SESSION_METHODS = ['synth', 'synthYaml', 'toJson'] as const;

/**
 * Makes every synth of `target` (the app, or a chart) a session of the app `root`: its
 * `synth`, `synthYaml` and `toJson` methods, where it has them, run inside one.
 */
export function openSessionsOn(root: IConstruct, target: IConstruct): void {
  if (wrapped.has(target)) {
    return;
  }
  wrapped.add(target);
  const methods = target as unknown as { [name: string]: unknown };
  for (const name of SESSION_METHODS) {
    const original = methods[name];
    if (typeof original !== 'function') {
      continue;
    }
    Object.defineProperty(target, name, {
      configurable: true,
      enumerable: false,
      writable: true,
      value: function (this: unknown, ...args: unknown[]) {
        return inSession(root, () => original.apply(this, args));
      },
    });
  }
}

function inSession<T>(root: IConstruct, action: () => T): T {
  let session = sessions.get(root);
  if (session === undefined) {
    session = { depth: 0 };
    sessions.set(root, session);
  }
  session.depth++;
  try {
    return action();
  } finally {
    session.depth--;
    if (session.depth === 0) {
      sessions.delete(root);
    }
  }
}

/**
 * The validation result of the app's open session, computing it with `validate` on the first
 * call of the session; outside a session, `validate`'s fresh result.
 */
export function sessionResult(root: IConstruct, validate: (root: IConstruct) => ValidationResult): ValidationResult {
  const session = sessions.get(root);
  if (session === undefined) {
    return validate(root);
  }
  session.result ??= validate(root);
  return session.result;
}

/**
 * The JSON of an API object of ours: within a session, what the session's validation rendered
 * (so that each object is rendered once per synth); otherwise, or for an object the validation
 * did not render, `render()`.
 */
export function renderedInSession(object: IConstruct, render: () => any): any {
  const json = sessions.get(object.node.root)?.result?.json.get(object);
  return json !== undefined ? json : render();
}
