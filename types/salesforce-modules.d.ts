/**
 * Platform modules that `@salesforce/lightning-types` does not cover. Custom labels are checked
 * against labels/CustomLabels.labels-meta.xml by scripts/checks/references.ts.
 */
declare module '@salesforce/label/*' {
    const label: string;
    export default label;
}

declare module '@salesforce/customPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

declare module '@salesforce/i18n/lang' {
    const lang: string;
    export default lang;
}

declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

/** A field or object reference from `@salesforce/schema/Object.Field` (or the `Object.Field` string). */
interface SalesforceFieldId {
    objectApiName: string;
    fieldApiName: string;
}

interface SalesforceObjectId {
    objectApiName: string;
}

declare module '@salesforce/schema/*' {
    const reference: SalesforceFieldId & SalesforceObjectId;
    export default reference;
}

/** A static resource's URL on the org (`/resource/<timestamp>/<name>`), for `loadScript`/`loadStyle`. */
declare module '@salesforce/resourceUrl/*' {
    const url: string;
    export default url;
}

declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}

/** The UI API record representation the LDS adapters deliver. */
interface UiRecordField {
    value: string | number | boolean | null | UiRecord;
    displayValue: string | null;
}

interface UiRecord {
    apiName: string;
    id: string;
    fields: Record<string, UiRecordField>;
}

interface UiObjectInfo {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    nameFields: string[];
    fields: Record<
        string,
        { apiName: string; label: string; dataType: string; referenceToInfos: Array<{ apiName: string }> }
    >;
    themeInfo: { iconUrl: string | null; color: string | null };
}

/** The `{ data, error }` a wire adapter hands the component. */
interface WireResult<T> {
    data?: T;
    error?: { status: number; body: { message: string } | Array<{ message: string; errorCode: string }> };
}

declare module 'lightning/uiRecordApi' {
    type FieldRef = SalesforceFieldId | string;
    export interface GetRecordConfig {
        recordId?: string | null;
        fields?: FieldRef[];
        optionalFields?: FieldRef[];
    }
    export class getRecord {
        constructor(dataCallback: (value: WireResult<UiRecord>) => void);
        update(config: GetRecordConfig): void;
        connect(): void;
        disconnect(): void;
    }
    export function getFieldValue(record: UiRecord | undefined, field: FieldRef): UiRecordField['value'] | undefined;
    export function getFieldDisplayValue(record: UiRecord | undefined, field: FieldRef): string | null | undefined;
    export function createRecord(input: {
        apiName: string;
        fields: Record<string, string | number | boolean | null>;
    }): Promise<UiRecord>;
    export function updateRecord(input: {
        fields: Record<string, string | number | boolean | null> & { Id: string };
    }): Promise<UiRecord>;
    export function deleteRecord(recordId: string): Promise<void>;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
    export class getObjectInfo {
        constructor(dataCallback: (value: WireResult<UiObjectInfo>) => void);
        update(config: { objectApiName?: string | SalesforceObjectId | null }): void;
        connect(): void;
        disconnect(): void;
    }
}

declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, string | undefined>;
        state?: Record<string, string | undefined>;
    }
    type Constructor<T = object> = abstract new (...args: never[]) => T;
    export interface NavigationMixinApi {
        <T extends Constructor>(base: T): abstract new (...args: never[]) => InstanceType<T> & NavigationTarget;
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    }
    export const NavigationMixin: NavigationMixinApi;
    /** Components call `this[NavigationMixin.Navigate](ref)` on a class built with the mixin. */
    export interface NavigationTarget {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    export class CurrentPageReference {
        constructor(dataCallback: (value: PageReference) => void);
        update(config: Record<string, never>): void;
        connect(): void;
        disconnect(): void;
    }
}

declare module 'lightning/empApi' {
    export interface EmpMessage<T = Record<string, unknown>> {
        channel: string;
        data: { event: { replayId: number; createdDate: string }; payload: T };
    }
    export interface EmpSubscription {
        id: string;
        channel: string;
        replayId: number;
    }
    export function subscribe<T = Record<string, unknown>>(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage<T>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: unknown) => void
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function isEmpEnabled(): Promise<boolean>;
    export function setDebugFlag(flag: boolean): Promise<unknown>;
}

declare module 'lightning/actions' {
    /** Closes the quick-action screen that hosts the component. */
    export class CloseActionScreenEvent extends CustomEvent<null> {
        constructor();
    }
}

declare module 'lightning/messageService' {
    /** The context a component gets with `@wire(MessageContext)`. */
    export interface MessageContextType {
        readonly __brand?: 'MessageContext';
    }
    /** The wire adapter that gives a component its MessageContextType. */
    export class MessageContext {
        constructor(dataCallback: (value: MessageContextType) => void);
        update(config: Record<string, never>): void;
        connect(): void;
        disconnect(): void;
    }
    export const APPLICATION_SCOPE: symbol;
    export interface MessageSubscription {
        readonly __brand?: 'MessageSubscription';
    }
    export function publish(context: MessageContextType, channel: unknown, message: unknown): void;
    export function subscribe<T = unknown>(
        context: MessageContextType,
        channel: unknown,
        listener: (message: T) => void,
        options?: { scope: symbol }
    ): MessageSubscription;
    export function unsubscribe(subscription: MessageSubscription): void;
    export function createMessageContext(): MessageContextType;
    export function releaseMessageContext(context: MessageContextType): void;
}

declare module '@salesforce/messageChannel/WebexCalling__c' {
    /** The Lightning message channel Make a Call and the dialer talk on (docs/calling.md). */
    const channel: unknown;
    export default channel;
}

declare module 'lightning/pageReferenceUtils' {
    /** `{ Phone: '+1 415' }` → `Phone=%2B1%20415`: the `defaultFieldValues` state of a new-record page. */
    export function encodeDefaultFieldValues(values: Record<string, string | number | boolean | null>): string;
    export function decodeDefaultFieldValues(encoded: string): Record<string, string>;
}

declare module 'lightning/platformUtilityBarApi' {
    /** The wire adapter that gives a utility item's component its utility's id. */
    export class EnclosingUtilityId {
        constructor(dataCallback: (value: string | undefined) => void);
        update(config: Record<string, never>): void;
        connect(): void;
        disconnect(): void;
    }
    /** Opens the utility's panel; resolves whether it opened. */
    export function open(utilityId: string, options?: { autoFocus?: boolean }): Promise<boolean>;
}
