import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import sfdxLwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = sfdxLwcJest;
const LWC_DIR = 'force-app/main/default/lwc';
const LWC = `<rootDir>/${LWC_DIR}`;

/**
 * Coverage bars by rule, not by bundle: a service module (a bundle without a template) holds logic
 * and is held to 90 % of its lines; a component (with a template) to 80 %. A new bundle gets its bar
 * without an edit here.
 */
function coverageBars() {
    const root = path.join(import.meta.dirname, LWC_DIR);
    const bars = {};
    for (const bundle of readdirSync(root, { withFileTypes: true })) {
        if (!bundle.isDirectory() || !existsSync(path.join(root, bundle.name, `${bundle.name}.ts`))) continue;
        const isComponent = existsSync(path.join(root, bundle.name, `${bundle.name}.html`));
        bars[`./${LWC_DIR}/${bundle.name}/`] = { lines: isComponent ? 80 : 90 };
    }
    return bars;
}

/**
 * The CSS-only modules (a bundle with a .css and no .ts, "Share CSS Style Rules" in the LWC guide), which a
 * component's stylesheet imports with `@import 'c/<name>'`: they resolve to their .css.
 */
function cssModules() {
    const root = path.join(import.meta.dirname, LWC_DIR);
    const mapped = {};
    for (const bundle of readdirSync(root, { withFileTypes: true })) {
        const dir = path.join(root, bundle.name);
        if (!bundle.isDirectory() || existsSync(path.join(dir, `${bundle.name}.ts`))) continue;
        if (existsSync(path.join(dir, `${bundle.name}.css`)))
            mapped[`^c/${bundle.name}$`] = `${LWC}/${bundle.name}/${bundle.name}.css`;
    }
    return mapped;
}

export default {
    ...jestConfig,
    moduleNameMapper: {
        ...cssModules(),
        // The TypeScript sources, never the compiled .js the build leaves beside them: tests and
        // coverage must see the code as written.
        '^c/(\\w+)$': `${LWC}/$1/$1.ts`,
        '^lightning/platformShowToastEvent$': '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent.ts',
        '^lightning/platformResourceLoader$': '<rootDir>/force-app/test/jest-mocks/lightning/platformResourceLoader.ts',
        '^lightning/refresh$': '<rootDir>/force-app/test/jest-mocks/lightning/refresh.ts',
        // A static resource's URL as an org gives it (one mock per resource the package loads).
        '^@salesforce/resourceUrl/(\\w+)$': '<rootDir>/force-app/test/jest-mocks/resourceUrl/$1.ts',
        // A lightning-input that shows its label, fires `change` on typing and shows field-level errors.
        '^lightning/input$': '<rootDir>/force-app/test/jest-mocks/lightning/input/input.ts'
    },
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.ts'],
    testPathIgnorePatterns: [
        ...jestConfig.testPathIgnorePatterns,
        '<rootDir>/workbench/',
        '<rootDir>/scripts/',
        // Node's test runner runs these (gate step "Apex runtime").
        '<rootDir>/apex-runtime/'
    ],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/workbench/.build'],
    // Generated .js beside each .ts is build output: cover the TypeScript sources only.
    collectCoverageFrom: [`${LWC}/**/*.ts`, `!${LWC}/**/__tests__/**`],
    coverageReporters: ['text-summary', 'json-summary', 'lcov'],
    coverageThreshold: coverageBars()
};
