/**
 * Keeps the Lead's Webex phone keys in step with its phone numbers (WebexPhoneKeys): before save, so the keys are
 * written with the record, without a query or a DML statement of their own. After update, the Contacts that a
 * conversion created get theirs (WebexLeadConversionKeys): a conversion runs no Contact trigger unless the org
 * requires validation for converted leads.
 */
trigger WebexLeadPhoneKeys on Lead(before insert, before update, after update) {
    WebexLeadConversionKeys.onLeadTrigger();
}
