/**
 * `lightning/empApi` for the workbench: each subscription is a server-sent-event stream from the
 * emulated org (`/_org/events`), which delivers only the events addressed to the signed-in user, as
 * Generic Streaming does with a user list, or every event of a platform-event channel.
 */
import type * as Platform from 'lightning/empApi';
import { userId } from './session.ts';

const streams = new Map<string, EventSource>();
const errorHandlers: Array<(error: unknown) => void> = [];
let sequence = 0;

export const subscribe: typeof Platform.subscribe = (channel, replayId, onMessage) =>
    new Promise((resolve, reject) => {
        sequence += 1;
        const id = `wb-subscription-${sequence}`;
        const source = new EventSource(
            `/_org/events?channel=${encodeURIComponent(channel)}&user=${encodeURIComponent(userId)}`
        );
        let opened = false;
        source.onopen = () => {
            opened = true;
            streams.set(id, source);
            resolve({ id, channel, replayId });
        };
        source.onmessage = (message: MessageEvent<string>) => {
            const event = JSON.parse(message.data) as {
                channel: string;
                replayId: number;
                createdDate: string;
                payload: never;
            };
            onMessage({
                channel: event.channel,
                data: { event: { replayId: event.replayId, createdDate: event.createdDate }, payload: event.payload }
            });
        };
        source.onerror = () => {
            const error = { channel, message: 'The connection to the Salesforce streaming service was lost.' };
            for (const handler of errorHandlers) handler(error);
            if (!opened) {
                source.close();
                reject(error);
            }
        };
    });

export const unsubscribe: typeof Platform.unsubscribe = async (subscription, callback) => {
    streams.get(subscription.id)?.close();
    const removed = streams.delete(subscription.id);
    const response = { successful: removed, subscription: subscription.channel };
    callback?.(response);
    return response;
};

export const onError: typeof Platform.onError = (callback) => {
    errorHandlers.push(callback);
};

export const isEmpEnabled: typeof Platform.isEmpEnabled = async () => typeof EventSource !== 'undefined';

export const setDebugFlag: typeof Platform.setDebugFlag = async () => true;
