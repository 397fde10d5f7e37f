/**
 * The "New <Object>" page: a form over the object's editable fields, prefilled from the page
 * reference's `defaultFieldValues` (the `Field=value,Field=value` encoding of
 * `lightning/pageReferenceUtils`), saved through the UI API; a refusal keeps what was typed.
 */
import { LightningElement, api } from 'lwc';
import { createRecord } from '../../../stubs/uiRecordApi.ts';
import { errorMessage, loadObjectInfo } from '../../../org-client.ts';

interface FormField {
    apiName: string;
    label: string;
    type: string;
    value: string;
    required: boolean;
}

/** Decodes `Phone=%2B1%20415,LastName=Doe` into field values. */
export function decodeDefaultFieldValues(encoded: string | undefined): Record<string, string> {
    const values: Record<string, string> = {};
    for (const pair of (encoded ?? '').split(',')) {
        const at = pair.indexOf('=');
        if (at > 0) values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    }
    return values;
}

const NOT_EDITABLE = new Set(['Id', 'Name', 'CaseNumber', 'OwnerId']);
const INPUT_TYPES: Record<string, string> = {
    Phone: 'tel',
    Email: 'email',
    Url: 'url',
    Date: 'date',
    Currency: 'number'
};

export default class RecordCreate extends LightningElement {
    @api objectApiName = '';
    @api defaultFieldValues = '';
    info: UiObjectInfo | null = null;
    values: Record<string, string> = {};
    error = '';
    saving = false;
    private loadedFor = '';

    renderedCallback(): void {
        if (this.loadedFor === this.objectApiName) return;
        this.loadedFor = this.objectApiName;
        this.values = decodeDefaultFieldValues(this.defaultFieldValues);
        loadObjectInfo(this.objectApiName)
            .then((info) => {
                this.info = info;
            })
            .catch((error: unknown) => {
                this.error = errorMessage(error);
            });
    }

    get title(): string {
        return this.info ? `New ${this.info.label}` : '';
    }

    get fields(): FormField[] {
        const info = this.info;
        if (!info) return [];
        const compound = info.nameFields[0] === 'Name' && info.fields.LastName;
        return Object.values(info.fields)
            .filter((f) => !NOT_EDITABLE.has(f.apiName) && f.dataType !== 'Reference' && f.dataType !== 'Boolean')
            .map((f) => ({
                apiName: f.apiName,
                label: f.label,
                type: INPUT_TYPES[f.dataType] ?? 'text',
                value: this.values[f.apiName] ?? '',
                required: compound ? f.apiName === 'LastName' : f.apiName === info.nameFields[0]
            }))
            .concat(
                !compound && info.fields.Name
                    ? [
                          {
                              apiName: 'Name',
                              label: info.fields.Name.label,
                              type: 'text',
                              value: this.values.Name ?? '',
                              required: true
                          }
                      ]
                    : []
            );
    }

    handleChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        this.values = { ...this.values, [input.name]: input.value };
    }

    async handleSave(): Promise<void> {
        const inputs = [...(this.template?.querySelectorAll('lightning-input') ?? [])] as unknown as Array<{
            reportValidity: () => boolean;
        }>;
        if (!inputs.every((input) => input.reportValidity())) return;
        this.saving = true;
        this.error = '';
        try {
            const fields = Object.fromEntries(Object.entries(this.values).filter(([, v]) => v !== ''));
            const record = await createRecord({ apiName: this.objectApiName, fields });
            window.location.hash = `#/r/${this.objectApiName}/${record.id}/view`;
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            this.saving = false;
        }
    }

    handleCancel(): void {
        window.history.back();
    }
}
