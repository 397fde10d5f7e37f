import {
    objectWithoutPhoneField,
    sameList,
    tabProblem,
    toListOptions,
    selectedValue,
    valuesOf
} from 'c/webexCallingAdminForms';

function changeEvent(detail: unknown): Event {
    return new CustomEvent('change', { detail });
}

describe('c/webexCallingAdminForms', () => {
    it('turns the server options into listbox options', () => {
        expect(toListOptions([{ apiName: 'MobilePhone', label: 'Mobile' }])).toEqual([
            { label: 'Mobile', value: 'MobilePhone' }
        ]);
        expect(toListOptions(null)).toEqual([]);
        expect(toListOptions(undefined)).toEqual([]);
    });

    it('compares lists in order, a missing list being empty', () => {
        expect(sameList(['Phone', 'MobilePhone'], ['Phone', 'MobilePhone'])).toBe(true);
        expect(sameList(['Phone', 'MobilePhone'], ['MobilePhone', 'Phone'])).toBe(false);
        expect(sameList(['Phone'], ['Phone', 'MobilePhone'])).toBe(false);
        expect(sameList(null, [])).toBe(true);
        expect(sameList([], undefined)).toBe(true);
    });

    it('reads the values of a dual listbox and the value of a select', () => {
        expect(valuesOf(changeEvent({ value: ['Account', 'Case'] }))).toEqual(['Account', 'Case']);
        expect(valuesOf(changeEvent({ value: 'Account' }))).toEqual([]);
        expect(valuesOf(changeEvent(null))).toEqual([]);
        const select = document.createElement('select');
        for (const value of ['', 'Opportunity']) {
            const option = document.createElement('option');
            option.value = value;
            select.appendChild(option);
        }
        select.value = 'Opportunity';
        const seen: string[] = [];
        select.addEventListener('change', (received) => seen.push(selectedValue(received)));
        select.dispatchEvent(new CustomEvent('change'));
        expect(seen).toEqual(['Opportunity']);
        expect(selectedValue(new CustomEvent('change'))).toBe('');
    });

    it('finds the first object left without a phone field', () => {
        const objects = [{ objectApiName: 'Contact' }, { objectApiName: 'Lead' }];
        expect(objectWithoutPhoneField(objects, { Contact: ['Phone'], Lead: ['Phone'] })).toBeNull();
        expect(objectWithoutPhoneField(objects, { Contact: ['Phone'], Lead: [] })).toBe(objects[1]);
        expect(objectWithoutPhoneField(objects, { Contact: ['Phone'] })).toBe(objects[1]);
    });

    it('says what a More info tab form lacks first, in the order the form asks', () => {
        const complete = { id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Subject'] };
        expect(tabProblem(complete)).toBeNull();
        expect(tabProblem({ ...complete, fields: [] })).toBe('fields');
        expect(tabProblem({ ...complete, accountField: '', fields: [] })).toBe('accountField');
        expect(tabProblem({ ...complete, objectApiName: '', accountField: '' })).toBe('object');
    });
});
