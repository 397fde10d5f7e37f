/**
 * Prints what the runtime reads for standard objects from apex-ls's sobject-types jar, for checking
 * a describe by hand: `node --import tsx apex-runtime/tools/standard-objects.ts [--jar <path>] Contact Lead…`.
 * Without object names, prints how many objects the jar holds. Writes nothing.
 */
import { fileURLToPath } from 'node:url';
import { loadSchema } from '../src/data/load-schema.ts';

function main(argv: string[]): void {
    let jar: string | undefined;
    const names: string[] = [];
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === '--jar') jar = argv[++i];
        else names.push(argv[i]);
    }
    const schema = loadSchema(undefined, jar ? { jar } : {});
    if (!names.length) console.log(`${schema.names().length} objects`);
    for (const name of names) {
        const d = schema.require(name);
        console.log(`${d.name} (key prefix ${d.keyPrefix}, ${d.source})`);
        for (const f of d.fields.values()) {
            const ref = f.referenceTo.length ? ` → ${f.referenceTo.join('|')} (${f.relationshipName})` : '';
            console.log(
                `  ${f.name}: ${f.apexType}${f.type ? ` ${f.type}` : ''}${f.required ? ' required' : ''}${ref}`
            );
        }
        for (const c of d.childRelationships)
            console.log(`  [${c.relationshipName}] ${c.childSObject}.${c.field ?? '?'}`);
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
