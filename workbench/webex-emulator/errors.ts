/** A refusal Webex would answer with: the router turns it into a Webex-shaped error body. */
export class WebexError extends Error {
    readonly status: number;
    readonly headers: Record<string, string>;

    constructor(status: number, message: string, headers: Record<string, string> = {}) {
        super(message);
        this.status = status;
        this.headers = headers;
    }
}

export const NOT_FOUND = 'The requested resource could not be found.';

/** 404 with the message Webex uses for unknown and invisible resources alike. */
export function notFound(): WebexError {
    return new WebexError(404, NOT_FOUND);
}

export function badRequest(message: string): WebexError {
    return new WebexError(400, message);
}
