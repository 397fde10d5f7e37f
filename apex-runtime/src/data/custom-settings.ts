/**
 * Custom settings read through their Apex methods, as data functions over the record store the
 * interpreter wraps (Apex Reference Guide › Custom Settings Methods: Hierarchy Custom Setting Methods,
 * List Custom Setting Methods). These reads use the application cache, not SOQL: they count no query.
 *
 * Hierarchy settings hold at most one row per level, told apart by `SetupOwnerId`: the organization
 * (an Organization Id, key prefix 00D), a profile (00e) or a user (005). `getInstance` returns the
 * lowest level's row with its null fields filled from the levels above, field by field ("The fields
 * returned in the custom setting record are merged based on the lowest level fields that are defined
 * in the hierarchy").
 */
import { UnsupportedApexError } from '../errors.ts';
import { keyPrefixOf, tryNormalizeId } from './ids.ts';
import { fieldOf, type SObjectDescribe } from './schema.ts';
import { SObject } from './sobject.ts';
import type { RecordStore } from './store.ts';

const ORG_PREFIX = '00D';
const PROFILE_PREFIX = '00e';
const USER_PREFIX = '005';

/** Custom-setting reads over one store; `currentUserId` is the running user (`UserInfo.getUserId()`). */
export class CustomSettings {
    private readonly store: RecordStore;
    private readonly currentUserId: () => string;

    constructor(store: RecordStore, currentUserId: () => string) {
        this.store = store;
        this.currentUserId = currentUserId;
    }

    private settingOf(type: string, kind: 'Hierarchy' | 'List', method: string): SObjectDescribe {
        const d = this.store.schema.require(type);
        if (d.customSettingsType !== kind)
            throw new UnsupportedApexError(
                `${d.name}.${method} (${d.name} is ${d.customSettingsType ? `a ${d.customSettingsType} custom setting` : 'not a custom setting'})`
            );
        return d;
    }

    /** A copy a caller may change without changing the stored row (the methods return records, not views). */
    private copy(row: SObject): SObject {
        return row.clone(true, false, true, true);
    }

    private rowOwnedBy(d: SObjectDescribe, ownerId: string): SObject | undefined {
        for (const row of this.store.rows(d.name)) if (row.get('SetupOwnerId') === ownerId) return row;
        return undefined;
    }

    private orgRow(d: SObjectDescribe): SObject | undefined {
        for (const row of this.store.rows(d.name)) {
            const owner = row.get('SetupOwnerId');
            if (typeof owner === 'string' && keyPrefixOf(owner) === ORG_PREFIX) return row;
        }
        return undefined;
    }

    private profileOf(userId: string): string {
        const user = this.store.get(userId);
        const profileId = user?.has('ProfileId') ? (user.get('ProfileId') as string | null) : null;
        if (!profileId)
            throw new UnsupportedApexError(
                `custom setting of user ${userId} (no User record with a ProfileId in the store)`
            );
        return profileId;
    }

    /**
     * `getInstance()` (running user) and `getInstance(userOrProfileId)`: the lowest level's row merged
     * with the levels above (user → profile → organization; profile → organization). Without a row at
     * the asked level, a new record with a null Id, the merged fields and `SetupOwnerId` set to the asked
     * user or profile Id (Hierarchy Custom Setting Methods › getInstance: "If no custom setting data is
     * defined for the user, this method returns a new custom setting object … contains an ID set to null
     * and merged fields from higher in the hierarchy … except for the SetupOwnerId field which contains
     * the user ID").
     */
    getInstance(type: string, userOrProfileId?: string): SObject {
        const d = this.settingOf(type, 'Hierarchy', 'getInstance');
        const ownerId = this.ownerIdOf(userOrProfileId ?? this.currentUserId(), 'getInstance');
        const levels: (SObject | undefined)[] = [];
        if (keyPrefixOf(ownerId) === USER_PREFIX) {
            levels.push(this.rowOwnedBy(d, ownerId), this.rowOwnedBy(d, this.profileOf(ownerId)));
        } else {
            levels.push(this.rowOwnedBy(d, ownerId));
        }
        levels.push(this.orgRow(d));
        const own = levels[0];
        const out = own ? this.copy(own) : new SObject(d);
        if (!own) out.setRaw('SetupOwnerId', ownerId);
        for (const f of d.fields.values()) {
            if (f.system || f.name === 'SetupOwnerId' || f.name === 'Name') continue;
            if (out.has(f.name) && out.get(f.name) !== null) continue;
            for (const level of levels.slice(1)) {
                if (level?.has(f.name) && level.get(f.name) !== null) {
                    out.setRaw(f.name, level.get(f.name), false);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * `getOrgDefaults()`: the organization's row; without one "an empty custom setting object"
     * (Hierarchy Custom Setting Methods › getOrgDefaults).
     */
    getOrgDefaults(type: string): SObject {
        const d = this.settingOf(type, 'Hierarchy', 'getOrgDefaults');
        const row = this.orgRow(d);
        return row ? this.copy(row) : new SObject(d);
    }

    /**
     * `getValues(userOrProfileId)`: the row defined at exactly that user or profile, not merged; null
     * when there is none (Hierarchy Custom Setting Methods › getValues: "Use this if you only want the
     * subset of custom setting data that has been defined at the user or profile level").
     */
    getValues(type: string, userOrProfileId: string): SObject | null {
        const d = this.settingOf(type, 'Hierarchy', 'getValues');
        const row = this.rowOwnedBy(d, this.ownerIdOf(userOrProfileId, 'getValues'));
        return row ? this.copy(row) : null;
    }

    private ownerIdOf(id: string, method: string): string {
        const id18 = tryNormalizeId(id);
        const prefix = id18 ? keyPrefixOf(id18) : undefined;
        if (!id18 || (prefix !== USER_PREFIX && prefix !== PROFILE_PREFIX))
            throw new UnsupportedApexError(
                `hierarchy custom setting ${method}(${id}): neither a user nor a profile Id`
            );
        return id18;
    }

    /**
     * `getAll()` of a list setting: the data sets by Name, in the case they were saved with (List
     * Custom Setting Methods › getAll: "the case of the data set names in the returned map keys is not
     * changed"); empty when none.
     */
    getAll(type: string): Map<string, SObject> {
        const d = this.settingOf(type, 'List', 'getAll');
        const out = new Map<string, SObject>();
        for (const row of this.store.rows(d.name)) out.set(row.get('Name') as string, this.copy(row));
        return out;
    }

    /**
     * `getInstance(name)` / `getValues(name)` of a list setting: the data set named `name`, or null
     * ("If no data is defined for the specified data set, this method returns null"). Names match as
     * the keys of `getAll()` do: exactly.
     */
    getListValue(type: string, name: string): SObject | null {
        const d = this.settingOf(type, 'List', 'getValues');
        if (!fieldOf(d, 'Name')) throw new UnsupportedApexError(`list custom setting ${d.name} without a Name field`);
        for (const row of this.store.rows(d.name)) if (row.get('Name') === name) return this.copy(row);
        return null;
    }
}
