/**
 * Every Lightning component a quick action, Lightning page or tab places exists in the package and
 * is exposed for that place: a quick action naming a renamed component, or one whose
 * js-meta.xml lacks `lightning__RecordAction`, deploys nowhere, and until this check only a browser
 * story noticed (minutes later). Sources: LWC Developer Guide, "Configure a Component for Quick
 * Actions" and "XML Configuration File Elements" (targets, targetConfig actionType).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { childrenNamed, readMetadataTree, valueOf, type MetadataElement } from '../lib/metadata-tree.ts';
import { DEFAULT_DIR, LWC_DIR, findFiles, report, type Finding } from '../lib/project.ts';

const QUICK_ACTION_DOC = 'https://developer.salesforce.com/docs/platform/lwc/guide/use-quick-actions-configure.html';
const TARGETS_DOC = 'https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html';

/** The target a component needs to be placed on each kind of Lightning page (FlexiPage.type). */
const PAGE_TARGETS: Record<string, string> = {
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    RecordPage: 'lightning__RecordPage',
    UtilityBar: 'lightning__UtilityBar'
};

interface Bundle {
    exposed: boolean;
    targets: string[];
    /** targetConfig actionType for lightning__RecordAction, when declared. */
    actionType?: string;
}

function readBundle(name: string): Bundle | null {
    const file = path.join(LWC_DIR, name, `${name}.js-meta.xml`);
    if (!existsSync(file)) return null;
    const root = readMetadataTree(file);
    if (!root) return null;
    const targets = childrenNamed(root, 'targets').flatMap((t) => childrenNamed(t, 'target').map((e) => e.text.trim()));
    const recordAction = childrenNamed(root, 'targetConfigs')
        .flatMap((configs) => childrenNamed(configs, 'targetConfig'))
        .find((config) =>
            (config.attributes.targets ?? '')
                .split(',')
                .map((t) => t.trim())
                .includes('lightning__RecordAction')
        );
    return {
        exposed: valueOf(root, 'isExposed') === 'true',
        targets,
        actionType: recordAction ? valueOf(recordAction, 'actionType') : undefined
    };
}

/** A component reference as metadata writes it (`name`, `c:name`, `c__name`, `ns__name`): its bundle name, or null when it belongs to another namespace. */
function localName(reference: string, allowColon: boolean): string | null {
    if (allowColon && reference.includes(':')) {
        const [namespace, name] = reference.split(':');
        return namespace === 'c' ? name : null;
    }
    const parts = reference.split('__');
    return parts[parts.length - 1];
}

function checkPlacement(
    findings: Finding[],
    file: string,
    at: MetadataElement,
    name: string,
    target: string,
    where: string
): Bundle | null {
    const bundle = readBundle(name);
    if (!bundle) {
        findings.push({
            file,
            line: at.line,
            message: `${where} names ${name}, which is not a component in lwc/ (${TARGETS_DOC})`
        });
        return null;
    }
    if (!bundle.exposed || !bundle.targets.includes(target)) {
        findings.push({
            file,
            line: at.line,
            message: `${where} places ${name}, but ${name}.js-meta.xml does not ${bundle.exposed ? '' : 'set isExposed true and '}list the target ${target} (${TARGETS_DOC})`
        });
    }
    return bundle;
}

function checkQuickAction(file: string, root: MetadataElement, findings: Finding[]): number {
    const where = `quick action ${path.basename(file, '.quickAction-meta.xml')}`;
    const type = valueOf(root, 'type');
    if (type === 'LightningWebComponent') {
        const element = childrenNamed(root, 'lightningWebComponent')[0];
        const name = element && localName(element.text.trim(), false);
        if (!element || !name) {
            findings.push({
                file,
                line: root.line,
                message: `${where} is a LightningWebComponent action without <lightningWebComponent> (${QUICK_ACTION_DOC})`
            });
            return 1;
        }
        const bundle = checkPlacement(findings, file, element, name, 'lightning__RecordAction', where);
        // A headless action (Action) runs invoke(); a screen action (ScreenAction, the default) renders: both sides must agree.
        const subtype = valueOf(root, 'actionSubtype') ?? 'ScreenAction';
        if (bundle && (bundle.actionType ?? 'ScreenAction') !== subtype) {
            findings.push({
                file,
                line: element.line,
                message: `${where} is a ${subtype} but ${name}.js-meta.xml configures lightning__RecordAction as ${bundle.actionType ?? 'ScreenAction'} (${QUICK_ACTION_DOC})`
            });
        }
        return 1;
    }
    if (type === 'LightningComponent') {
        const element = childrenNamed(root, 'lightningComponent')[0];
        const name = element && localName(element.text.trim(), true);
        if (name && !existsSync(path.join(DEFAULT_DIR, 'aura', name))) {
            findings.push({
                file,
                line: element.line,
                message: `${where} names the Aura component ${name}, which is not in aura/`
            });
        }
        return 1;
    }
    return 0;
}

function* componentInstances(element: MetadataElement): Generator<MetadataElement> {
    for (const child of element.children) {
        if (
            (child.name === 'componentInstance' || child.name === 'componentInstances') &&
            valueOf(child, 'componentName')
        )
            yield child;
        yield* componentInstances(child);
    }
}

function checkFlexiPage(file: string, root: MetadataElement, findings: Finding[]): number {
    const page = path.basename(file, '.flexipage-meta.xml');
    const target = PAGE_TARGETS[valueOf(root, 'type') ?? ''];
    let checked = 0;
    for (const instance of componentInstances(root)) {
        const name = localName(valueOf(instance, 'componentName') ?? '', true);
        // Standard components (flexipage:…, force:…) and other namespaces are the platform's to provide.
        if (!name || !target) continue;
        checked += 1;
        if (existsSync(path.join(DEFAULT_DIR, 'aura', name))) continue;
        checkPlacement(
            findings,
            file,
            childrenNamed(instance, 'componentName')[0],
            name,
            target,
            `Lightning page ${page}`
        );
    }
    return checked;
}

function checkTab(file: string, root: MetadataElement, findings: Finding[]): number {
    const tab = path.basename(file, '.tab-meta.xml');
    let checked = 0;
    const component = childrenNamed(root, 'lwcComponent')[0];
    if (component) {
        checked += 1;
        checkPlacement(
            findings,
            file,
            component,
            localName(component.text.trim(), false) ?? '',
            'lightning__Tab',
            `tab ${tab}`
        );
    }
    const flexiPage = childrenNamed(root, 'flexiPage')[0];
    if (flexiPage) {
        checked += 1;
        const name = flexiPage.text.trim();
        if (!existsSync(path.join(DEFAULT_DIR, 'flexipages', `${name}.flexipage-meta.xml`)))
            findings.push({
                file,
                line: flexiPage.line,
                message: `tab ${tab} opens the Lightning page ${name}, which is not in flexipages/`
            });
    }
    return checked;
}

function main(): void {
    const findings: Finding[] = [];
    let checked = 0;
    for (const file of findFiles(path.join(DEFAULT_DIR, 'quickActions'), /\.quickAction-meta\.xml$/)) {
        const root = readMetadataTree(file);
        if (root) checked += checkQuickAction(file, root, findings);
    }
    for (const file of findFiles(path.join(DEFAULT_DIR, 'flexipages'), /\.flexipage-meta\.xml$/)) {
        const root = readMetadataTree(file);
        if (root) checked += checkFlexiPage(file, root, findings);
    }
    for (const file of findFiles(path.join(DEFAULT_DIR, 'tabs'), /\.tab-meta\.xml$/)) {
        const root = readMetadataTree(file);
        if (root) checked += checkTab(file, root, findings);
    }
    report(
        'metadata-components',
        findings,
        `${checked} component placements (quick actions, Lightning pages, tabs) name a component exposed for that place`
    );
}

main();
