/**
 * The emulated org's WebexCallEventChannel (classes/calling/): the Generic Streaming channel call events
 * reach the dialer on. The inbound handler pushes there; getDialerSettings tells the dialer its name.
 */
export const CALL_EVENT_CHANNEL = '/u/WebexCallEvents';
