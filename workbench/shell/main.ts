/** Entry point of the workbench page: synthetic shadow (as Lightning Experience), then the shell. */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from './modules/wb/app/app.ts';

const root = document.getElementById('root');
if (root) root.appendChild(createElement('wb-app', { is: App }));
