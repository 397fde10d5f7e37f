/**
 * Devices the Webex JS SDK registers with WDM (the device service) before it opens Mercury, its
 * websocket. Nothing here follows a public document: the shapes are those the SDK reads, traced in
 * `@webex/internal-plugin-device@3.12.0` `src/device.js` (see the emulator README).
 */
import { randomUUID } from 'node:crypto';
import { notFound } from '../errors.ts';
import { uuidOf } from '../ids.ts';
import type { EmulatedUser } from '../state.ts';

/** What the emulator keeps of a registered device. */
export interface Device {
    /** The uuid ending the device `url` and the Mercury registration path. */
    id: string;
    /** The owner's Webex person id (base64); the device view gives its uuid as `userId`, as WDM does. */
    personId: string;
    /** The registration body the SDK sent (`name`, `deviceType`, `model`, ...). */
    body: Record<string, unknown>;
    /** The origin the device registered through: its `url` and `webSocketUrl` point back at it. */
    origin: string;
    creationTime: string;
    modificationTime: string;
}

/** Fields of the registration body WDM decides itself; the client's values are ignored. */
const SERVER_FIELDS = ['url', 'webSocketUrl', 'userId', 'creationTime', 'modificationTime', 'services', 'features'];

/** The path of a device's Mercury socket under the emulator (`ws://<host>` + this). */
export function mercuryPath(deviceId: string): string {
    return `/mercury/api/v1/apps/wx2/registrations/${deviceId}/messages`;
}

export class DeviceStore {
    devices: Device[] = [];

    reset(): void {
        this.devices = [];
    }

    register(user: EmulatedUser, body: Record<string, unknown>, origin: string): Device {
        const now = new Date().toISOString();
        const device: Device = {
            id: randomUUID(),
            personId: user.id,
            body: clientFields(body),
            origin,
            creationTime: now,
            modificationTime: now
        };
        this.devices.push(device);
        return device;
    }

    /** The user's own device; another person's device is as unknown as a missing one (404). */
    owned(deviceId: string, user: EmulatedUser): Device {
        const device = this.devices.find((d) => d.id === deviceId);
        if (!device || device.personId !== user.id) throw notFound();
        return device;
    }

    find(deviceId: string): Device | undefined {
        return this.devices.find((d) => d.id === deviceId);
    }

    refresh(device: Device, body: Record<string, unknown>): Device {
        device.body = { ...device.body, ...clientFields(body) };
        device.modificationTime = new Date().toISOString();
        return device;
    }

    remove(device: Device): void {
        this.devices = this.devices.filter((d) => d !== device);
    }

    ownedBy(user: EmulatedUser): Device[] {
        return this.devices.filter((d) => d.personId === user.id);
    }

    /**
     * A device as WDM answers it: the fields the SDK reads (`url`, `webSocketUrl`, `userId`,
     * `features`), `services` (which the SDK drops), and the registration body echoed back.
     */
    view(device: Device): Record<string, unknown> {
        const ws = device.origin.replace(/^http/, 'ws');
        return {
            ...device.body,
            url: `${device.origin}/wdm/api/v1/devices/${device.id}`,
            webSocketUrl: `${ws}${mercuryPath(device.id)}`,
            userId: uuidOf(device.personId),
            creationTime: device.creationTime,
            modificationTime: device.modificationTime,
            services: {},
            // The SDK's feature toggles: none set, so it takes its defaults.
            features: { developer: [], entitlement: [], user: [] }
        };
    }
}

function clientFields(body: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(body).filter(([key]) => !SERVER_FIELDS.includes(key)));
}
