/** Entry point of the workbench page: synthetic shadow (as Lightning Experience), then the shell. */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from './modules/wb/app/app.ts';
import { language } from './stubs/labels.ts';

// Salesforce serves a French user's pages as <html lang="fr">: a screen reader reads them with French rules
// (WCAG 3.1.1, Language of Page).
document.documentElement.lang = language;
const root = document.getElementById('root');
if (root) root.appendChild(createElement('wb-app', { is: App }));
