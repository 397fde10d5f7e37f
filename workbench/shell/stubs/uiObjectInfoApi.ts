/** `lightning/uiObjectInfoApi` for the workbench: object describes from the emulated org, in the page's language. */
import type * as Platform from 'lightning/uiObjectInfoApi';
import { uiApi, type LdsError } from './ui-api-client.ts';

class GetObjectInfo {
    private readonly dataCallback: (value: WireResult<UiObjectInfo>) => void;
    private objectApiName: string | null = null;
    private connected = false;

    constructor(dataCallback: (value: WireResult<UiObjectInfo>) => void) {
        this.dataCallback = dataCallback;
    }

    update(config: { objectApiName?: string | SalesforceObjectId | null }): void {
        const name = config.objectApiName;
        this.objectApiName = typeof name === 'string' ? name : (name?.objectApiName ?? null);
        if (this.connected) void this.load();
    }

    connect(): void {
        this.connected = true;
        void this.load();
    }

    disconnect(): void {
        this.connected = false;
    }

    private async load(): Promise<void> {
        if (!this.objectApiName) return;
        try {
            const data = await uiApi<UiObjectInfo>('GET', `object-info/${encodeURIComponent(this.objectApiName)}`);
            this.dataCallback({ data, error: undefined });
        } catch (error) {
            this.dataCallback({ data: undefined, error: error as LdsError });
        }
    }
}

export const getObjectInfo: typeof Platform.getObjectInfo = GetObjectInfo;
