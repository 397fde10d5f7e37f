/**
 * What an Apex controller of the package throws: an AuraHandledException whose message is the JSON
 * payload the components parse (types/webex-apex-dto.d.ts `WebexApexErrorPayload`).
 */
export class AuraHandledError extends Error {
    readonly payload: WebexApexErrorPayload;

    constructor(code: WebexErrorCode, message: string, retryAfterSeconds: number | null = null) {
        super(message);
        this.payload = { code, message, retryAfterSeconds };
    }

    /** The body the Lightning runtime hands a component for a failed imperative Apex call. */
    toResponseBody(): { message: string; exceptionType: string; isUserDefinedException: boolean } {
        return {
            message: JSON.stringify(this.payload),
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false
        };
    }
}
