/**
 * The scratch-org definition (config/project-scratch-def.json, also sfdx-project.json's
 * definitionFile for package version builds): what the org signup or its settings deploy refuses.
 */
import { tsx, type Fault } from './fault.ts';

const DEFINITION = 'config/project-scratch-def.json';
const check = tsx('scripts/checks/scratch-def.ts');

export const FAULTS: Fault[] = [
    {
        // Platform events need no feature in an Enterprise scratch org; the name is not one the signup knows.
        name: 'scratch definition: a feature that is not a scratch-org feature (PlatformEvents)',
        edits: [{ file: DEFINITION, find: '"AuthorApex"', replace: '"AuthorApex", "PlatformEvents"' }],
        check,
        expect: /features\[\d+\] "PlatformEvents" is not a scratch-org feature/
    },
    {
        name: 'scratch definition: a settings field the Metadata API settings type does not have',
        edits: [{ file: DEFINITION, find: '"enableTranslationWorkbench"', replace: '"enableTranslationWorkbenc"' }],
        check,
        expect: /settings\.languageSettings\.enableTranslationWorkbenc: the Metadata API type LanguageSettings has no field/
    },
    {
        name: 'scratch definition: an edition the signup does not offer',
        edits: [{ file: DEFINITION, find: '"Enterprise"', replace: '"Enterprise Edition"' }],
        check,
        expect: /\/edition must be equal to one of the allowed values/
    }
];
