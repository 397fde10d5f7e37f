/**
 * The call-control contract, written down from docs/WEBEX-API-NOTES.md §2.4–2.5 because the calling
 * OpenAPI file is not available: the REST call object, the `telephony_calls` webhook data, the dial
 * answer and call history records, each with exactly the documented fields (no others).
 */
import { Ajv, type ValidateFunction } from 'ajv';

const party = {
    type: 'object',
    additionalProperties: false,
    required: ['privacyEnabled', 'callType'],
    properties: {
        name: { type: 'string' },
        number: { type: 'string' },
        personId: { type: 'string' },
        placeId: { type: 'string' },
        privacyEnabled: { type: 'boolean' },
        callType: { enum: ['location', 'organization', 'external', 'emergency', 'repair', 'other'] }
    }
};

const callFields = {
    callSessionId: { type: 'string' },
    personality: { enum: ['originator', 'terminator', 'clickToDial'] },
    state: { enum: ['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected'] },
    remoteParty: party,
    appearance: { type: 'integer' },
    created: { type: 'string', format: 'date-time' },
    answered: { type: 'string', format: 'date-time' },
    redirections: {
        type: 'array',
        items: {
            type: 'object',
            additionalProperties: false,
            properties: { reason: { type: 'string' }, redirectingParty: party }
        }
    },
    recall: { type: 'object' },
    recordingState: { enum: ['pending', 'started', 'paused', 'stopped', 'failed'] },
    muteCapable: { type: 'boolean' },
    muted: { type: 'boolean' }
};

/** The schemas by name. */
export const TELEPHONY_SCHEMAS = {
    call: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'callSessionId', 'personality', 'state', 'remoteParty', 'created'],
        properties: { id: { type: 'string' }, ...callFields }
    },
    callList: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: { items: { type: 'array', items: { $ref: '#/definitions/call' } } }
    },
    eventData: {
        type: 'object',
        additionalProperties: false,
        required: [
            'callId',
            'callSessionId',
            'personality',
            'state',
            'remoteParty',
            'created',
            'eventType',
            'eventTimestamp'
        ],
        properties: {
            callId: { type: 'string' },
            ...callFields,
            disconnected: { type: 'string', format: 'date-time' },
            completedElsewhere: { type: 'boolean' },
            eventType: { type: 'string' },
            eventTimestamp: { type: 'string', format: 'date-time' }
        }
    },
    dial: {
        type: 'object',
        additionalProperties: false,
        required: ['callId', 'callSessionId'],
        properties: { callId: { type: 'string' }, callSessionId: { type: 'string' } }
    },
    history: {
        type: 'object',
        additionalProperties: false,
        required: ['items'],
        properties: {
            items: {
                type: 'array',
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['type', 'privacyEnabled', 'time'],
                    properties: {
                        type: { enum: ['placed', 'missed', 'received'] },
                        name: { type: 'string' },
                        number: { type: 'string' },
                        privacyEnabled: { type: 'boolean' },
                        time: { type: 'string', format: 'date-time' }
                    }
                }
            }
        }
    }
} as const;

export type TelephonyShape = keyof typeof TELEPHONY_SCHEMAS;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export class TelephonyContract {
    private readonly validators = new Map<TelephonyShape, ValidateFunction>();

    constructor() {
        const ajv = new Ajv({ strict: false, allErrors: true });
        ajv.addFormat('date-time', DATE_TIME);
        for (const [name, schema] of Object.entries(TELEPHONY_SCHEMAS))
            this.validators.set(
                name as TelephonyShape,
                ajv.compile({ ...schema, definitions: { call: TELEPHONY_SCHEMAS.call } })
            );
    }

    /** Errors of `body` against a documented shape, or [] when it matches. */
    validate(shape: TelephonyShape, body: unknown): string[] {
        const validate = this.validators.get(shape) as ValidateFunction;
        return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    }
}
