/**
 * A moment an admin section reports (when a token was verified, when Salesforce was authorized): the date and time
 * the same way in every section, in the user's locale and time zone; nothing while there is none.
 */
import { LightningElement, api } from 'lwc';

export default class WebexAdminDateTime extends LightningElement {
    /** The moment, as Apex sends a Datetime (ISO 8601); null or empty shows nothing. */
    @api value?: string | null;
}
