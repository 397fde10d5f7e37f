/**
 * The Home page: every package component an admin can put on the home page (`lightning__HomePage`),
 * or, until there is one, where to start.
 */
import { LightningElement } from 'lwc';
import { components } from 'wb/registry';
import { language, tabLabel } from '../../../stubs/labels.ts';
import { hrefOf } from '../../../stubs/navigation.ts';

/**
 * The workbench's own words around the links (the links are the tabs' labels). Spaces live in the values: the
 * template compiler drops the whitespace-only text between an element and a line break.
 */
const TEXT = {
    en: { setUp: 'Set up the package in the ', afterTab: ' tab.', thenOpen: 'Then open ', or: ' or ' },
    fr: { setUp: "Configurez le package dans l'onglet ", afterTab: '.', thenOpen: 'Ouvrez ensuite ', or: ' ou ' }
}[language];

export default class Home extends LightningElement {
    readonly text = TEXT;
    readonly adminLabel = tabLabel('Webex_Admin') ?? 'Webex Admin';
    readonly contactsLabel = tabLabel('Contact') ?? 'Contacts';
    readonly leadsLabel = tabLabel('Lead') ?? 'Leads';
    /** The page's title, as its navigation tab is labelled in the user's language (« Accueil »). */
    readonly title = tabLabel('home') ?? 'Home';
    // Links built as the navigation bar's: a fragment-only href would be rewritten by synthetic shadow.
    readonly adminHref = hrefOf('#/n/Webex_Admin');
    readonly contactsHref = hrefOf('#/o/Contact/list');
    readonly leadsHref = hrefOf('#/o/Lead/list');

    get homeComponents(): Array<{ name: string; ctor: unknown }> {
        return components.filter((c) => c.targets.includes('lightning__HomePage'));
    }

    get hasHomeComponents(): boolean {
        return this.homeComponents.length > 0;
    }
}
