/**
 * Visualforce requests in the Apex host (Visualforce Developer Guide › Custom Controllers; Order of Execution in a
 * Visualforce Page): a GET constructs the page's controller (`ApexPages.currentPage()` holds the URL and its
 * parameters) and renders the page from the controller's properties; a postback restores the controller from the
 * view state, runs the action of the button pressed, then follows the PageReference it returned or renders the page
 * again. The view state is the controller instance itself, kept in the worker under the token the page's form
 * carries (an org serializes it into the form; the instance keeps the same non-transient fields).
 */
import { randomUUID } from 'node:crypto';
import { labelValue, type OrgMetadata } from '../../../apex-runtime/src/data/org-metadata.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import { ApexObject, NativeObject, type ApexValue } from '../../../apex-runtime/src/interpreter/model.ts';
import { methodsOf } from '../../../apex-runtime/src/interpreter/classes.ts';
import { pageReference, PageReferenceNative } from '../../../apex-runtime/src/interpreter/natives/page-reference.ts';
import { testStateOf } from '../../../apex-runtime/src/interpreter/natives/test.ts';
import type { SObject } from '../../../apex-runtime/src/data/sobject.ts';
import { isPrimitive } from '../../../apex-runtime/src/values/text.ts';
import {
    parsePage,
    pressedAction,
    renderPage,
    VIEW_STATE_FIELD,
    type MergeValue,
    type PageContext,
    type VisualforcePage
} from '../visualforce/render.ts';
import type { PageAnswer, PageCall } from './protocol.ts';
import { toPlain } from './values.ts';

/** How many pages' view states the worker keeps (the oldest are dropped: their postback starts the page again). */
const KEPT_VIEW_STATES = 200;
const SLDS_HREF = '/assets/styles/salesforce-lightning-design-system.min.css';

/** The controller instances of the pages served, by view-state token. */
export class PageSessions {
    private readonly views = new Map<string, ApexObject>();
    private readonly parsed = new Map<string, VisualforcePage>();

    /** Serves one request as the running user (see the module comment). */
    serve(it: Interpreter, meta: OrgMetadata, user: SObject | undefined, call: PageCall): PageAnswer {
        const page = this.pageOf(call.source);
        testStateOf(it).currentPage = pageReference(call.url);
        let token = call.form?.[VIEW_STATE_FIELD] ?? '';
        let controller = token ? this.views.get(token) : undefined;
        if (!controller) {
            controller = page.controller ? this.construct(it, page.controller) : undefined;
            token = randomUUID();
        }
        const language = String(user?.get('LanguageLocaleKey') ?? 'en_US');
        const context = (instance: ApexObject | undefined): PageContext => ({
            controller: (name) => (instance ? mergeValue(propertyOf(it, instance, name)) : null),
            label: (name) => labelValue(meta, name, language) ?? name,
            user: (field) => mergeValue((user?.get(field) as ApexValue) ?? null)
        });
        if (call.form && controller) {
            // Only a button the page showed can be pressed: the controller as it was before the postback decides.
            const action = pressedAction(page, new URLSearchParams(call.form), context(controller));
            if (action) {
                const next = it.callMethod(controller, action, []);
                if (next instanceof NativeObject && next.cls === PageReferenceNative) {
                    this.views.delete(token);
                    const getUrl = PageReferenceNative.methods.get('geturl')![0];
                    return { kind: 'redirect', location: String(getUrl.fn(it, next, [])) };
                }
            }
        }
        if (controller) this.keep(token, controller);
        const html = renderPage(page, context(controller), {
            formAction: call.url,
            viewState: token,
            sldsHref: SLDS_HREF
        });
        return { kind: 'html', html };
    }

    private pageOf(source: string): VisualforcePage {
        let page = this.parsed.get(source);
        if (!page) {
            page = parsePage(source);
            this.parsed.set(source, page);
        }
        return page;
    }

    private construct(it: Interpreter, className: string): ApexObject {
        const cls = it.findClass(className.toLowerCase().split('.'), undefined);
        if (!cls) throw new Error(`The page's controller ${className} is not a class of the package`);
        return it.instantiate(cls, [], 0);
    }

    private keep(token: string, controller: ApexObject): void {
        this.views.delete(token);
        this.views.set(token, controller);
        while (this.views.size > KEPT_VIEW_STATES) this.views.delete(this.views.keys().next().value as string);
    }
}

/** A controller property as `{!name}` reads it: the property (its getter), else a `getName()` method. */
function propertyOf(it: Interpreter, controller: ApexObject, name: string): ApexValue {
    const field = it.findField(controller.cls, name.toLowerCase(), false);
    if (field) return it.readField(field, controller, null);
    const getter = `get${name}`.toLowerCase();
    if (methodsOf(controller.cls, getter).some((m) => !m.isStatic && m.params.length === 0))
        return it.callMethod(controller, getter, []);
    throw new Error(`Unknown property '${controller.cls.name}.${name}'`);
}

function mergeValue(v: ApexValue): MergeValue {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
    if (isPrimitive(v)) return toPlain(v);
    throw new Error(`A merge field of a value Visualforce cannot print here (${Object.prototype.toString.call(v)})`);
}
