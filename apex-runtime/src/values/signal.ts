/**
 * A runtime error raised by a value library that Apex code can catch. The interpreter turns it into an
 * instance of the Apex exception type it names (e.g. `System.MathException`), keeping the message.
 */
export class ApexRuntimeSignal extends Error {
    /** Fully qualified Apex exception type, e.g. `System.MathException`. */
    readonly apexType: string;
    constructor(apexType: string, message: string) {
        super(message);
        this.apexType = apexType;
        this.name = 'ApexRuntimeSignal';
    }
}

/** `System.MathException` (division by zero, invalid arithmetic). */
export function mathException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.MathException', message);
}

/** `System.TypeException` (invalid conversions such as `Integer.valueOf('x')`). */
export function typeException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.TypeException', message);
}

/** `System.StringException` (substring out of range, bad arguments to String methods). */
export function stringException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.StringException', message);
}

/** `System.NullPointerException`. */
export function nullPointerException(message = 'Attempt to de-reference a null object'): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.NullPointerException', message);
}

/** `System.InvalidParameterValueException`. */
export function invalidParameter(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.InvalidParameterValueException', message);
}

/** `System.JSONException`. */
export function jsonException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.JSONException', message);
}

/** `System.SecurityException` (Crypto failures). */
export function securityException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.SecurityException', message);
}

/** `System.ListException` (index out of bounds). */
export function listException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.ListException', message);
}

/**
 * Whether `e` asks to become an Apex exception when it reaches Apex code: the one error type that
 * values, data and limits throw for that (the interpreter's own throws are `ApexThrow`).
 */
export function isApexSignal(e: unknown): e is ApexRuntimeSignal {
    return e instanceof ApexRuntimeSignal;
}
