/**
 * Stores each unexpected failure the package published (WebexErrorLog.record) as a Webex Error Log row.
 */
trigger WebexErrorEventTrigger on WebexErrorEvent__e(after insert) {
    WebexErrorLog.store(Trigger.new);
}
