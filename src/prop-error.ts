/** Marks PropErrors, also those of another copy of this library in the same process. */
const PROP_ERROR = Symbol.for('cdk8s-flink.PropError');

/**
 * The error the constructs and the value classes throw while an app is built, for a prop, an
 * argument or a call they refuse: what the props alone decide is wrong fails there and then,
 * before any synth. Its message names the prop, echoes the bad value and says the fix.
 *
 * It is a JavaScript `Error`, with a stack: `error instanceof PropError` and
 * `error instanceof Error` both hold, so tests and tools can check the type and the prop
 * instead of matching the message. What only the whole app can decide is reported at synth
 * instead, as findings of the validation rules (see `FlinkValidator`).
 *
 * `prop` names what is refused as the user wrote it:
 *
 * - a prop of a construct, by its path in the props: `taskManager.slots`,
 *   `checkpointing.interval`, `metadata.name`; an element of a list by its index: `hostnames[2]`;
 * - an entry of a map prop, by its key, quoted in brackets (Flink keys hold dots):
 *   `flinkConfiguration['rest.port']`, `metadata.labels['app']`;
 * - a method of a construct that refuses the call: `addPodMonitor()`, `exposeWebUi()`; or one of
 *   its arguments: `addFlinkConfiguration(key)`;
 * - an argument of a value class's factory, or a field of its options, by its name:
 *   `JobJar.fromUri(uri)`, `RestartStrategy.exponentialDelay(backoffMultiplier)`,
 *   `FileSystemCredentials.s3FromSecret(keys.accessKeyId)`.
 *
 * When props are refused together (one needs another, or they conflict), `prop` is the one the
 * message is about: the first it names.
 */
export class PropError {
  /**
   * Whether `error` is a PropError (also one thrown by another copy of this library).
   *
   * @param error anything caught
   */
  public static isPropError(error: any): boolean {
    return error !== null && typeof error === 'object' && PROP_ERROR in error;
  }

  /** Always `PropError`. */
  public readonly name: string;

  /** The whole message: the construct's path (when a construct refuses it), then the reason. */
  public readonly message: string;

  /**
   * What the user wrote that is refused, as they wrote it: a prop (`checkpointing.interval`,
   * `metadata.name`), a method (`addPodMonitor()`), or a factory's argument
   * (`JobJar.fromUri(uri)`).
   */
  public readonly prop: string;

  /** What is wrong and how to fix it: the message without the construct's path. */
  public readonly reason: string;

  /**
   * The path of the construct that refuses the prop (e.g. `flink/Session`); undefined when a
   * value class's factory refuses its argument before any construct receives it.
   */
  public readonly constructPath?: string;

  /**
   * @param prop what is refused, as the user wrote it (see `prop`)
   * @param reason what is wrong and how to fix it
   * @param constructPath the path of the construct that refuses it, when one does
   */
  constructor(prop: string, reason: string, constructPath?: string) {
    this.name = 'PropError';
    this.prop = prop;
    this.reason = reason;
    this.constructPath = constructPath === '' ? undefined : constructPath;
    this.message = this.constructPath === undefined ? reason : `${this.constructPath}: ${reason}`;
    Object.defineProperty(this, PROP_ERROR, { value: true });
    Error.captureStackTrace(this, new.target);
  }
}

// A PropError is an Error: jsii's type system has no Error to extend, so the prototype chain is
// joined here, once.
Object.setPrototypeOf(PropError.prototype, Error.prototype);
