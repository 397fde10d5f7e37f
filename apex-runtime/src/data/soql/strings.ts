/**
 * SOQL string escapes (SOQL and SOSL Reference › Quoted String Escape Sequences): `\n \N \r \R \t \T
 * \b \B \f \F \" \' \\ \uXXXX`; `\_` and `\%` are meaningful in LIKE only, so they are kept as
 * written here and read by the LIKE matcher from the raw text.
 */
export function unescapeSoqlString(raw: string): string {
    if (!raw.includes('\\')) return raw;
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c !== '\\' || i + 1 >= raw.length) {
            out += c;
            continue;
        }
        const next = raw[++i];
        switch (next) {
            case 'n':
            case 'N':
                out += '\n';
                break;
            case 'r':
            case 'R':
                out += '\r';
                break;
            case 't':
            case 'T':
                out += '\t';
                break;
            case 'b':
            case 'B':
                out += '\b';
                break;
            case 'f':
            case 'F':
                out += '\f';
                break;
            case 'u': {
                const code = parseInt(raw.slice(i + 1, i + 5), 16);
                // LIKE escapes protected before lexing (parse.ts › protectLikeEscapes) come back as written.
                out += code === 0xe025 ? '\\%' : code === 0xe05f ? '\\_' : String.fromCharCode(code);
                i += 4;
                break;
            }
            case '_':
            case '%':
                out += '\\' + next;
                break;
            default:
                out += next;
        }
    }
    return out;
}
