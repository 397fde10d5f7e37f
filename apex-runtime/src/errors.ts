export class UnsupportedApexError extends Error {
    constructor(what: string, where?: string) {
        super(where ? `Unsupported: ${what} (${where})` : `Unsupported: ${what}`);
        this.name = 'UnsupportedApexError';
    }
}
