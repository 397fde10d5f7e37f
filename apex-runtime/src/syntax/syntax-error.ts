/**
 * A compile-time error in Apex source: a syntax error the grammar reports, or a construct the Apex compiler
 * rejects (an Integer literal out of range). Its message starts with `file:line:column`.
 */
export class ApexSyntaxError extends Error {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    constructor(file: string, line: number, column: number, message: string) {
        super(`${file}:${line}:${column} ${message}`);
        this.name = 'ApexSyntaxError';
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
