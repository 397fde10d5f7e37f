/**
 * What tests and demos can tune in the emulated world without restarting it: how fast calls progress
 * and how webhook deliveries give up. `PATCH /_emulator/settings` changes them; `reset()` restores them.
 */

export interface CallSettings {
    /** After a dial, the user's device "answers" the click-to-dial alert after this delay; null waits for REST `answer`. */
    deviceAnswerAfterMs: number | null;
    /** An external destination answers after this delay; null waits for `POST /_emulator/calls/{callId}/answer`. */
    remoteAnswerAfterMs: number | null;
    /** An incoming call nobody answers ends as missed after this delay; null rings until told otherwise. */
    ringTimeoutMs: number | null;
}

export interface WebhookSettings {
    /** Consecutive failed deliveries after which a webhook turns `inactive`, as Webex disables failing webhooks. */
    failuresBeforeInactive: number;
    /** How long a delivery waits for the target before counting as failed. */
    timeoutMs: number;
}

export interface EmulatorSettings {
    calls: CallSettings;
    webhooks: WebhookSettings;
}

export function defaultSettings(): EmulatorSettings {
    return {
        calls: { deviceAnswerAfterMs: 500, remoteAnswerAfterMs: 3000, ringTimeoutMs: 30000 },
        // Webex does not publish its threshold; 100 keeps a flaky demo target alive, tests lower it.
        webhooks: { failuresBeforeInactive: 100, timeoutMs: 5000 }
    };
}

const isDelay = (value: unknown): value is number | null =>
    value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0);

/**
 * Applies a partial update, returning a message for the first invalid value (and changing nothing)
 * or null when applied.
 */
export function applySettings(settings: EmulatorSettings, patch: unknown): string | null {
    const body = (patch && typeof patch === 'object' ? patch : {}) as {
        calls?: Record<string, unknown>;
        webhooks?: Record<string, unknown>;
    };
    const calls = { ...settings.calls };
    const webhooks = { ...settings.webhooks };
    for (const [key, value] of Object.entries(body.calls ?? {})) {
        if (!(key in calls)) return `calls.${key} is not a setting.`;
        if (!isDelay(value)) return `calls.${key} must be a number of milliseconds or null.`;
        (calls as Record<string, number | null>)[key] = value;
    }
    for (const [key, value] of Object.entries(body.webhooks ?? {})) {
        if (!(key in webhooks)) return `webhooks.${key} is not a setting.`;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
            return `webhooks.${key} must be a positive integer.`;
        (webhooks as Record<string, number>)[key] = value;
    }
    settings.calls = calls;
    settings.webhooks = webhooks;
    return null;
}
