/**
 * The Home page: every package component an admin can put on the home page (`lightning__HomePage`),
 * or, until there is one, where to start.
 */
import { LightningElement } from 'lwc';
import { components } from 'wb/registry';

export default class Home extends LightningElement {
    get homeComponents(): Array<{ name: string; ctor: unknown }> {
        return components.filter((c) => c.targets.includes('lightning__HomePage'));
    }

    get hasHomeComponents(): boolean {
        return this.homeComponents.length > 0;
    }
}
