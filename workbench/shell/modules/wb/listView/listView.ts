/** An object's list view ("All Contacts"): its records with the compact-layout columns, names linking to record pages. */
import { LightningElement, api } from 'lwc';
import { errorMessage, loadListView, shownValue, type ListViewData } from '../../../org-client.ts';
import { hrefOf } from '../../../stubs/navigation.ts';

interface Row {
    id: string;
    href: string;
    cells: Array<{ key: string; value: string; isName: boolean }>;
}

export default class ListView extends LightningElement {
    @api objectApiName = '';
    data: ListViewData | null = null;
    error = '';
    private loadedFor = '';

    renderedCallback(): void {
        if (this.loadedFor === this.objectApiName) return;
        this.loadedFor = this.objectApiName;
        this.data = null;
        this.error = '';
        loadListView(this.objectApiName)
            .then((data) => {
                this.data = data;
            })
            .catch((error: unknown) => {
                this.error = errorMessage(error);
            });
    }

    get loading(): boolean {
        return !this.data && !this.error;
    }

    get title(): string {
        return this.data?.objectInfo.labelPlural ?? this.objectApiName;
    }

    get newHref(): string {
        return hrefOf(`#/o/${this.objectApiName}/new`);
    }

    get count(): number {
        return this.data?.records.length ?? 0;
    }

    get headers(): Array<{ key: string; label: string }> {
        const info = this.data?.objectInfo;
        return (this.data?.columns ?? []).map((c) => ({ key: c, label: info?.fields[c]?.label ?? c }));
    }

    get rows(): Row[] {
        const data = this.data;
        if (!data) return [];
        return data.records.map((record) => ({
            id: record.id,
            href: hrefOf(`#/r/${data.objectInfo.apiName}/${record.id}/view`),
            cells: data.columns.map((column, index) => ({
                key: `${record.id}-${column}`,
                value: shownValue(record, column),
                isName: index === 0
            }))
        }));
    }
}
