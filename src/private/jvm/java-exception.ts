/**
 * A stand-in for the Java exception that Flink would throw, so that the derivation can
 * report both Flink's own message and its cause chain, exactly as a Flink log would show them.
 */
export class JavaException extends Error {
  /** What the user should change; set where the derivation knows the configuration's intent. */
  public advice?: string;

  /**
   * @param javaClass the simple name of the Java exception class, e.g. `IllegalConfigurationException`
   * @param message the exception message, verbatim as Flink builds it
   * @param javaCause the wrapped exception, if Flink wraps one
   */
  public constructor(
    public readonly javaClass: string,
    message: string,
    public readonly javaCause?: JavaException,
  ) {
    super(message);
    this.name = javaClass;
  }

  /** Attaches what the user should change, and returns this exception. */
  public withAdvice(advice: string): this {
    this.advice = advice;
    return this;
  }

  /** This exception and its causes, outermost first. */
  public get chain(): JavaException[] {
    const chain: JavaException[] = [];
    for (let current: JavaException | undefined = this; current; current = current.javaCause) {
      chain.push(current);
    }
    return chain;
  }
}

/** Java's `IllegalArgumentException`. */
export function illegalArgument(message: string, cause?: JavaException): JavaException {
  return new JavaException('IllegalArgumentException', message, cause);
}

/** Java's `NumberFormatException` (a subclass of `IllegalArgumentException`). */
export function numberFormat(message: string): JavaException {
  return new JavaException('NumberFormatException', message);
}

/** Java's `ArithmeticException`, as thrown by `Math.addExact` and `MemorySize.multiply`. */
export function arithmetic(message: string): JavaException {
  return new JavaException('ArithmeticException', message);
}

/** Flink's `IllegalConfigurationException`. */
export function illegalConfiguration(message: string, cause?: JavaException): JavaException {
  return new JavaException('IllegalConfigurationException', message, cause);
}
