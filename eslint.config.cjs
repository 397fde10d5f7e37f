const lwcRecommendedTs = require('@salesforce/eslint-config-lwc/recommended-ts');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const importPlugin = require('eslint-plugin-import');
const lockerPlugin = require('@locker/eslint-plugin-locker');
const lockerBase = require('@locker/eslint-config-locker/base');
const lockerRecommended = require('@locker/eslint-config-locker/recommended');

const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const NODE_TS = [
    'apex-runtime/**/*.ts',
    'scripts/**/*.ts',
    'workbench/**/*.ts',
    'force-app/test/**/*.ts',
    'types/**/*.ts',
    '*.ts'
];

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            'reports/**',
            '.sf/**',
            '.sfdx/**',
            // Compiled output of the TypeScript components.
            'force-app/**/lwc/**/*.js',
            'workbench/.build*/**',
            'workbench/.artifacts/**'
        ]
    },
    // Components and service modules: the LWC rules Salesforce recommends, with the TypeScript parser.
    ...lwcRecommendedTs.map((config) => ({ ...config, files: LWC_TS })),
    {
        files: LWC_TS,
        rules: {
            // `c/*`, `@salesforce/*` and `lightning/*` resolve on the platform, not in node_modules;
            // tsc resolves them through tsconfig paths and types/.
            'import/no-unresolved': 'off',
            // TypeScript types are erased: tsc reports unused names (noUnusedLocals).
            'no-unused-vars': 'off',
            // The base rule does not know TypeScript types and casts; strict tsc reports undefined names.
            'no-undef': 'off'
        }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' }
    },
    // Lightning Web Security: Salesforce's rules for the APIs its sandbox blocks (base: errors) or distorts
    // (recommended: warnings, which --max-warnings 0 makes fail too). Not the Jest tests: they never run in an org.
    {
        files: LWC_TS,
        ignores: ['force-app/**/lwc/**/__tests__/**'],
        plugins: { '@locker/locker': lockerPlugin },
        rules: {
            ...lockerBase.rules,
            ...lockerRecommended.rules,
            // LWS distorts setTimeout/setInterval only when given a string to evaluate (the rules' own docs):
            // no-implied-eval, on in the LWC config above, already rejects that; these rules flag every call.
            '@locker/locker/distorted-window-set-timeout': 'off',
            '@locker/locker/distorted-window-set-interval': 'off',
            // Flags every property named `open` (a call log's `open` field too). The package's window.open
            // calls are reviewed against the distortion instead, and the browser stories run them under LWS.
            '@locker/locker/distorted-xml-http-request-window-open': 'off'
        }
    },
    // Tooling, workbench and Jest mocks: plain TypeScript on Node.
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: NODE_TS })),
    {
        files: NODE_TS,
        languageOptions: { globals: { ...globals.node } }
    },
    {
        // The Apex runtime is publishable on its own: it imports npm packages and its own files only.
        files: ['apex-runtime/**/*.ts'],
        plugins: { import: importPlugin },
        settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
        rules: {
            'import/no-restricted-paths': [
                'error',
                {
                    zones: [
                        {
                            target: './apex-runtime',
                            from: './',
                            except: ['./apex-runtime', './node_modules'],
                            message: 'apex-runtime must not import the package, its scripts or the workbench.'
                        }
                    ]
                }
            ]
        }
    },
    {
        files: ['*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
