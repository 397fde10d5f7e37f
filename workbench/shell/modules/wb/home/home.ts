/**
 * The Home page: every package component an admin can put on the home page (`lightning__HomePage`),
 * or, until there is one, where to start.
 */
import { LightningElement } from 'lwc';
import { components } from 'wb/registry';
import { hrefOf } from '../../../stubs/navigation.ts';

export default class Home extends LightningElement {
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
