/**
 * The features of the org an SFDX project describes: its scratch-org definition file, named by the
 * `definitionFile` of a package directory in `sfdx-project.json` (Salesforce DX Developer Guide ›
 * Salesforce DX Project Configuration; Scratch Org Definition File).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OrgFeatures } from './org-features.ts';

interface ScratchDefinition {
    /** An array, or (older files) one string of `;`-separated names. */
    features?: string[] | string;
    settings?: {
        currencySettings?: { enableMultiCurrency?: boolean };
        quoteSettings?: { enableQuote?: boolean };
    };
}

/**
 * The features a scratch-org definition enables: its `features`, `MultiCurrency` when
 * `settings.currencySettings.enableMultiCurrency` is true (Metadata API › CurrencySettings), and
 * `Quotes` when `settings.quoteSettings.enableQuote` is true (Metadata API › QuoteSettings: "When set
 * to true, users can access Quotes").
 */
export function readScratchDefinition(file: string): OrgFeatures {
    const def = JSON.parse(readFileSync(file, 'utf8')) as ScratchDefinition;
    const listed = typeof def.features === 'string' ? def.features.split(';') : (def.features ?? []);
    const features = listed.filter((f) => f.trim() !== '');
    if (def.settings?.currencySettings?.enableMultiCurrency === true) features.push('MultiCurrency');
    if (def.settings?.quoteSettings?.enableQuote === true) features.push('Quotes');
    return new OrgFeatures(features);
}

/** The definition file `sfdx-project.json` names (the default package directory's first), or `undefined`. */
export function projectDefinitionFile(projectDir: string): string | undefined {
    const projectFile = path.join(projectDir, 'sfdx-project.json');
    if (!existsSync(projectFile)) return undefined;
    const project = JSON.parse(readFileSync(projectFile, 'utf8')) as {
        packageDirectories?: { definitionFile?: string; default?: boolean }[];
    };
    const dirs = project.packageDirectories ?? [];
    const withFile = [...dirs.filter((d) => d.default), ...dirs].find((d) => d.definitionFile);
    return withFile?.definitionFile ? path.join(projectDir, withFile.definitionFile) : undefined;
}

/**
 * The features of the org a project describes; a project without a definition file describes an
 * org with no add-on feature (a new org has none: Scratch Org Features are "add-on features").
 */
export function projectOrgFeatures(projectDir: string): OrgFeatures {
    const file = projectDefinitionFile(projectDir);
    return file ? readScratchDefinition(file) : new OrgFeatures();
}
