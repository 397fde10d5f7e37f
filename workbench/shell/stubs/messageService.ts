/**
 * `lightning/messageService` for the workbench: Lightning Message Service within the page (one
 * browser tab, as in Lightning Experience). A message reaches every subscriber of its channel except
 * none (the publisher hears its own messages too, as on the platform), a moment later, as a copy.
 * Channels are the `@salesforce/messageChannel/<Name>__c` modules the build writes
 * (`{ channelName }`), compared by name.
 */
import type * as Platform from 'lightning/messageService';

type Listener = (message: unknown) => void;

interface Subscription {
    context: Platform.MessageContextType;
    channel: string;
    listener: Listener;
}

const subscriptions = new Set<Subscription>();

export const APPLICATION_SCOPE: typeof Platform.APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

function channelName(channel: unknown): string {
    const name = (channel as { channelName?: unknown } | null)?.channelName;
    if (typeof name !== 'string') throw new Error('lightning/messageService: not a message channel');
    return name;
}

export const createMessageContext: typeof Platform.createMessageContext = () => ({});

export const releaseMessageContext: typeof Platform.releaseMessageContext = (context) => {
    for (const subscription of [...subscriptions])
        if (subscription.context === context) subscriptions.delete(subscription);
};

export const publish: typeof Platform.publish = (context, channel, message) => {
    void context;
    const name = channelName(channel);
    // A copy, delivered after the publisher's turn: listeners never share or change the sender's object.
    const copy: unknown = message === undefined ? undefined : JSON.parse(JSON.stringify(message));
    for (const subscription of [...subscriptions]) {
        if (subscription.channel !== name) continue;
        queueMicrotask(() => {
            if (subscriptions.has(subscription)) subscription.listener(copy);
        });
    }
};

export const subscribe: typeof Platform.subscribe = (context, channel, listener) => {
    const subscription: Subscription = { context, channel: channelName(channel), listener: listener as Listener };
    subscriptions.add(subscription);
    return subscription as Platform.MessageSubscription;
};

export const unsubscribe: typeof Platform.unsubscribe = (subscription) => {
    subscriptions.delete(subscription as Subscription);
};

/** `@wire(MessageContext)`: a context per component, released when it leaves the page. */
class MessageContextAdapter {
    private readonly dataCallback: (value: Platform.MessageContextType) => void;
    private context: Platform.MessageContextType | null = null;

    constructor(dataCallback: (value: Platform.MessageContextType) => void) {
        this.dataCallback = dataCallback;
        this.context = createMessageContext();
        this.dataCallback(this.context);
    }

    update(): void {
        if (!this.context) this.context = createMessageContext();
        this.dataCallback(this.context);
    }

    connect(): void {
        this.update();
    }

    disconnect(): void {
        if (this.context) releaseMessageContext(this.context);
        this.context = null;
    }
}

export const MessageContext: typeof Platform.MessageContext = MessageContextAdapter;
