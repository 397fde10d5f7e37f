/**
 * The formula subset of the Visualforce renderer: what it evaluates as Salesforce does, and what it refuses.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MergeValue, type PageContext, compileExpression, evaluate } from './expression.ts';

const controller: Record<string, MergeValue> = { finished: true, succeeded: false, message: 'Hi', warning: null };

const ctx: PageContext = {
    controller(name) {
        if (!Object.hasOwn(controller, name)) throw new Error(`no controller property ${name}`);
        return controller[name];
    },
    label: (name) => `label:${name}`,
    user: (field) => (field === 'LanguageLocaleKey' ? 'fr_FR' : null)
};

function value(source: string): MergeValue {
    return evaluate(compileExpression(source), ctx);
}

describe('Visualforce expressions the renderer evaluates', () => {
    it('reads controller properties, $Label and $User, whatever the case of the global', () => {
        assert.equal(value('finished'), true);
        assert.equal(value('message'), 'Hi');
        assert.equal(value('warning'), null);
        assert.equal(value('$Label.WebexSfAuth_PageTitle'), 'label:WebexSfAuth_PageTitle');
        assert.equal(value('$label.X'), 'label:X');
        assert.equal(value('$User.LanguageLocaleKey'), 'fr_FR');
        assert.equal(value('$USER.FirstName'), null);
    });

    it('reads literals: strings in either quote with escapes, numbers, TRUE and false', () => {
        assert.equal(value('"say \\"hi\\""'), 'say "hi"');
        assert.equal(value("'it\\'s'"), "it's");
        assert.equal(value('"a}b"'), 'a}b');
        assert.equal(value('42'), 42);
        assert.equal(value('1.5'), 1.5);
        assert.equal(value('TRUE'), true);
        assert.equal(value('false'), false);
        assert.equal(value('((false))'), false);
    });

    it('evaluates NOT, AND and OR on Booleans, with function names in any case', () => {
        assert.equal(value('NOT(finished)'), false);
        assert.equal(value('not(succeeded)'), true);
        assert.equal(value('AND(finished, NOT(succeeded))'), true);
        assert.equal(value('And(finished, succeeded)'), false);
        assert.equal(value('AND(true, true, false)'), false);
        assert.equal(value('OR(succeeded, false, finished)'), true);
        assert.equal(value('or(false, false)'), false);
    });

    it('ISBLANK: no value or empty text is blank; a space, zero or false is a value', () => {
        assert.equal(value('ISBLANK(warning)'), true);
        assert.equal(value('ISBLANK("")'), true);
        assert.equal(value('ISBLANK(" ")'), false);
        assert.equal(value('ISBLANK(0)'), false);
        assert.equal(value('ISBLANK(false)'), false);
        assert.equal(value('isBlank(message)'), false);
        assert.equal(value('AND(finished, NOT(ISBLANK(warning)))'), false);
    });

    it('LEFT takes the first characters, all of a shorter text, and nothing from no value', () => {
        assert.equal(value('LEFT($User.LanguageLocaleKey, 2)'), 'fr');
        assert.equal(value('left("ab", 5)'), 'ab');
        assert.equal(value('LEFT("abc", 0)'), '');
        assert.equal(value('LEFT(warning, 2)'), null);
    });
});

describe('Visualforce expressions the renderer refuses', () => {
    const refused: Array<[string, RegExp]> = [
        ['MID(message, 1, 2)', /the function MID is not supported/],
        ['IF(finished, "a", "b")', /the function IF is not supported/],
        ['finished && succeeded', /the operator && is not supported/],
        ['message & "x"', /the operator & is not supported/],
        ['finished = true', /the operator = is not supported/],
        ['LEFT(message, -1)', /the operator - is not supported/],
        ['$CurrentPage.parameters.code', /the global variable \$CurrentPage is not supported/],
        ['$Label', /must name one \$Label field/],
        ['account.Name', /the dotted reference account\.Name is not supported/],
        ['NOT(finished, succeeded)', /NOT takes 1 argument\(s\), not 2/],
        ['LEFT(message)', /LEFT takes 2 argument\(s\), not 1/],
        ['AND()', /AND takes at least 1 argument\(s\), not 0/],
        ['NOT(finished', /is not closed/],
        ['"open', /a string literal is not closed/],
        ['', /the expression is empty/],
        ['finished succeeded', /unexpected text after the expression/]
    ];
    for (const [source, error] of refused) {
        it(`refuses {!${source}} when the page is parsed`, () => {
            assert.throws(() => compileExpression(source), error);
        });
    }

    it('refuses, when it evaluates, a function given the wrong type', () => {
        assert.throws(() => value('NOT(message)'), /NOT: argument 1 is "Hi", not a Boolean/);
        assert.throws(() => value('AND(finished, warning)'), /AND: argument 2 is null, not a Boolean/);
        assert.throws(() => value('LEFT(message, 1.5)'), /LEFT: the number of characters 1\.5 is not supported/);
        assert.throws(() => value('LEFT(42, 1)'), /LEFT: 42 is not text/);
    });
});
