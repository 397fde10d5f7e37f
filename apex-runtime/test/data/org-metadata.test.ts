import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelValue, loadOrgMetadata } from '../../src/data/org-metadata.ts';
import { FIXTURE_PROJECT } from './helpers.ts';

const meta = loadOrgMetadata(FIXTURE_PROJECT);

test('Label.X returns the label translated into the running user language (Apex Developer Guide › Custom Labels: "the label in the user\'s language")', () => {
    assert.equal(labelValue(meta, 'Greeting', 'fr'), 'Bonjour');
    assert.equal(labelValue(meta, 'greeting', 'en_US'), 'Hello', 'label names are case-insensitive');
});

test('An untranslated label falls back to its default value (Translation Workbench: untranslated labels show the master label)', () => {
    assert.equal(labelValue(meta, 'Farewell', 'fr'), 'Goodbye');
    assert.equal(labelValue(meta, 'Greeting', 'de'), 'Hello');
    assert.equal(labelValue(meta, 'Nope'), undefined);
});

test('Permission sets load object, field, custom permission and class grants (Metadata API Developer Guide › PermissionSet)', () => {
    assert.deepEqual([...meta.customPermissions.values()], ['Widget_Admin']);
    const ps = meta.permissionSets.get('widget_user')!;
    assert.deepEqual(ps.objects.get('widget__c'), {
        read: true,
        create: true,
        edit: true,
        delete: false,
        viewAll: false,
        modifyAll: false
    });
    assert.deepEqual(ps.fields.get('widget__c.count__c'), { readable: true, editable: false });
    assert.ok(ps.customPermissions.has('widget_admin'));
    assert.ok(ps.classes.has('widgetcontroller'));
});
