/**
 * The emulated org's Generic Streaming: its `StreamingChannel` records (created through the REST API,
 * streaming-api.ts) and every delivery of an event to a subscribed client (`/_org/events`, the
 * `lightning/empApi` stand-in), which is what Salesforce counts against the daily allocation
 * (`DailyDurableGenericStreamingApiEvents`) and what a story counts to check "at most 3 per call".
 */
import type { OrgEvent } from './org-state.ts';
import { makeRecordId } from './salesforce-id.ts';

/** Durable generic streaming's daily delivered events on Enterprise Edition (Streaming API allocations). */
export const DAILY_GENERIC_STREAMING_EVENTS = 200_000;

/** StreamingChannel's key prefix. */
const KEY_PREFIX = '0M6';

/** A StreamingChannel record. */
export interface StreamingChannelRecord {
    Id: string;
    /** `/u/...`. */
    Name: string;
    Description: string | null;
}

/** One event delivered to one subscribed client. */
export interface StreamingDelivery {
    channel: string;
    replayId: number;
    userId: string;
    /** ISO 8601 date-time of the delivery. */
    at: string;
}

export class GenericStreaming {
    /** StreamingChannel records by Id. */
    readonly channels = new Map<string, StreamingChannelRecord>();
    /** Every delivery to a subscribed client since the last reset, in order. */
    readonly deliveries: StreamingDelivery[] = [];
    /** Today's deliveries as OrgLimits reports them, set by a story; null counts `deliveries`. */
    deliveredOverride: number | null = null;
    private sequence = 0;
    /** Subscriptions still to refuse, per channel (`refuseSubscriptions`). */
    private readonly refusals = new Map<string, number>();

    /** A fresh org: no channel, nothing delivered, every subscription accepted. */
    reset(): void {
        this.channels.clear();
        this.deliveries.length = 0;
        this.deliveredOverride = null;
        this.sequence = 0;
        this.refusals.clear();
    }

    /**
     * Makes the next `times` subscriptions to `channel` fail, as an org refuses one to a `/u/` channel that
     * does not exist yet (unless dynamic channel creation is on) or while streaming is unavailable: the
     * dialer must say it is not receiving calls and try again.
     */
    refuseSubscriptions(channel: string, times: number): void {
        if (times > 0) this.refusals.set(channel, times);
        else this.refusals.delete(channel);
    }

    /** Whether this subscription is refused (counting it). */
    takeRefusal(channel: string): boolean {
        const left = this.refusals.get(channel) ?? 0;
        if (left <= 0) return false;
        if (left === 1) this.refusals.delete(channel);
        else this.refusals.set(channel, left - 1);
        return true;
    }

    /** The channel with this name, or undefined. */
    channelByName(name: string): StreamingChannelRecord | undefined {
        return [...this.channels.values()].find((channel) => channel.Name === name);
    }

    /** Inserts a channel (the caller checked the name). */
    createChannel(name: string, description: string | null): StreamingChannelRecord {
        this.sequence += 1;
        const channel = { Id: makeRecordId(KEY_PREFIX, this.sequence), Name: name, Description: description };
        this.channels.set(channel.Id, channel);
        return channel;
    }

    /** Counts an event written to a subscriber's stream (generic channels only: `/u/...`). */
    recordDelivery(event: OrgEvent, userId: string): void {
        if (!event.channel.startsWith('/u/')) return;
        this.deliveries.push({
            channel: event.channel,
            replayId: event.replayId,
            userId,
            at: new Date().toISOString()
        });
    }

    /** The deliveries to one user (15- or 18-character id), on one channel or all. */
    deliveriesTo(userId: string, channel?: string): StreamingDelivery[] {
        const user = userId.slice(0, 15);
        return this.deliveries.filter(
            (delivery) => delivery.userId.slice(0, 15) === user && (!channel || delivery.channel === channel)
        );
    }

    /** OrgLimits' DailyDurableGenericStreamingApiEvents: delivered today, and the allocation. */
    delivered(): { used: number; max: number } {
        const today = new Date().toISOString().slice(0, 10);
        const used = this.deliveredOverride ?? this.deliveries.filter((d) => d.at.startsWith(today)).length;
        return { used, max: DAILY_GENERIC_STREAMING_EVENTS };
    }
}
