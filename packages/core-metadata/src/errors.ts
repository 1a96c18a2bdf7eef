/** Marks errors of these packages; `Symbol.for` so that two loaded copies (ESM and CJS) share it. */
const BRAND = Symbol.for("@parallel-tool-calls/error-classes");

/** What every {@link ParallelToolCallsError} is made of; subclasses add their own fields. */
export interface ParallelToolCallsErrorOptions<Code extends string = string> {
  /** Machine-readable reason, in snake_case. */
  code: Code;
  /** One line, already free of secrets. */
  message: string;
  /** What caused it, when there is something worth keeping (never an object holding secrets). */
  cause?: unknown;
}

/**
 * The base of every error the packages throw or report: a `code`, an options-object constructor,
 * `cause`, a `toJSON` that keeps the message, and `isInstance`, which works across two copies of
 * a package (an ESM and a CJS install), where `instanceof` fails.
 */
export class ParallelToolCallsError<Code extends string = string> extends Error {
  /** Machine-readable reason, in snake_case. */
  readonly code: Code;
  /** The names of this error's classes, most derived first; read by `isInstance`. */
  declare readonly [BRAND]: readonly string[];

  constructor(options: ParallelToolCallsErrorOptions<Code>) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    const names: string[] = [];
    for (let cls: unknown = new.target; typeof cls === "function" && cls !== Error; cls = Object.getPrototypeOf(cls)) {
      names.push(cls.name);
    }
    Object.defineProperty(this, BRAND, { value: Object.freeze(names), enumerable: false });
  }

  /** Whether `value` is an instance of this class (or a subclass), whichever copy of the package made it. */
  static isInstance<T extends abstract new (...args: never[]) => ParallelToolCallsError>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    if (typeof value !== "object" || value === null) return false;
    const names = (value as { [BRAND]?: unknown })[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check is called on.
    return Array.isArray(names) && names.includes(this.name);
  }

  /**
   * `JSON.stringify` of an Error drops `message`; errors here are often logged as JSON. Keeps
   * `name`, `code`, `message` and the subclass's own fields (those that are set), so a subclass
   * only overrides this to leave a field out. `cause` and the stack are never included.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && !(key in json)) json[key] = value;
    }
    return json;
  }
}
