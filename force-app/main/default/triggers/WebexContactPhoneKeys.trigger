/**
 * Keeps the Contact's Webex phone keys in step with its phone numbers (WebexPhoneKeys): before save, so the keys are
 * written with the record, without a query or a DML statement of their own.
 */
trigger WebexContactPhoneKeys on Contact(before insert, before update) {
    WebexPhoneKeys.fill(Trigger.new);
}
