/**
 * Line coverage as the Apex Developer Guide defines it (Testing and Code Coverage: "the number of
 * covered lines divided by the sum of the number of covered lines and uncovered lines. Only
 * executable lines of code are included. (Comments and blank lines aren't counted.)"; Testing Best
 * Practices: "Calls to System.debug are not counted", "Test methods and test classes are not
 * counted").
 *
 * An executable line is the first line of a statement in a method, constructor, initializer block,
 * property accessor or trigger body; blocks (`{ }`) and declarations are not statements. Which
 * other constructs an org marks (field initializers, `try` lines) is not documented: they are not
 * counted here.
 */
import type * as ast from '../syntax/ast.ts';

/** Executable lines of one class or trigger file. */
export interface CoverageTarget {
    /** The class or trigger name. */
    name: string;
    kind: 'class' | 'trigger';
    file: string;
    lines: Set<number>;
}

/** Per-class (or trigger) result. */
export interface ClassCoverage {
    name: string;
    kind: 'class' | 'trigger';
    file: string;
    executable: number;
    covered: number;
    /** Covered ÷ executable × 100; 100 when the class has no executable line. */
    percent: number;
    uncoveredLines: number[];
}

export interface CoverageReport {
    classes: ClassCoverage[];
    executable: number;
    covered: number;
    /** Org-wide: all covered lines ÷ all executable lines × 100 (100 when nothing is executable). */
    percent: number;
}

function isDebugCall(s: ast.Stmt): boolean {
    if (s.kind !== 'expr' || s.expr.kind !== 'call' || s.expr.name.toLowerCase() !== 'debug') return false;
    const t = s.expr.target;
    return t !== undefined && t.kind === 'name' && t.name.toLowerCase() === 'system';
}

function addStmt(s: ast.Stmt, out: Set<number>): void {
    switch (s.kind) {
        case 'block':
            for (const x of s.stmts) addStmt(x, out);
            return;
        case 'if':
            out.add(s.line);
            addStmt(s.then, out);
            if (s.else) addStmt(s.else, out);
            return;
        case 'for':
        case 'forEach':
        case 'while':
            out.add(s.line);
            addStmt(s.body, out);
            return;
        case 'doWhile':
            out.add(s.line);
            addStmt(s.body, out);
            return;
        case 'try':
            out.add(s.line);
            addStmt(s.body, out);
            for (const c of s.catches) addStmt(c.body, out);
            if (s.finally) addStmt(s.finally, out);
            return;
        case 'switch':
            out.add(s.line);
            for (const w of s.whens) addStmt(w.body, out);
            return;
        case 'runAs':
            out.add(s.line);
            addStmt(s.body, out);
            return;
        default:
            if (!isDebugCall(s)) out.add(s.line);
    }
}

function addMembers(members: ast.Member[], out: Set<number>): void {
    for (const m of members) {
        switch (m.kind) {
            case 'method':
                if (m.body) addStmt(m.body, out);
                break;
            case 'constructor':
            case 'initializer':
                addStmt(m.body, out);
                break;
            case 'property':
                if (m.getter?.body) addStmt(m.getter.body, out);
                if (m.setter?.body) addStmt(m.setter.body, out);
                break;
            case 'class':
                addMembers(m.members, out);
                break;
            default:
                break;
        }
    }
}

function isTestClass(d: ast.TypeDecl): boolean {
    return d.annotations.some((a) => a.name.toLowerCase() === 'istest');
}

/** The executable lines of a compilation unit; undefined for test classes, interfaces and enums (never counted). */
export function coverageTarget(unit: ast.CompilationUnit): CoverageTarget | undefined {
    const t = unit.type;
    if (t.kind === 'trigger') {
        const lines = new Set<number>();
        addStmt(t.body, lines);
        return { name: t.name, kind: 'trigger', file: unit.file, lines };
    }
    if (t.kind !== 'class' || isTestClass(t)) return undefined;
    const lines = new Set<number>();
    addMembers(t.members, lines);
    return { name: t.name, kind: 'class', file: unit.file, lines };
}

/** Records the lines statements ran on, per file (the interpreter's `onStatement` hook). */
export class CoverageRecorder {
    private readonly hits = new Map<string, Set<number>>();
    private lastFile = '';
    private lastSet: Set<number> | undefined;

    /** The hook to install as `interpreter.onStatement`. */
    readonly hook = (file: string, line: number): void => {
        // Most consecutive statements are in the same file: skip the map lookup then.
        if (file !== this.lastFile || !this.lastSet) {
            this.lastFile = file;
            this.lastSet = this.hits.get(file);
            if (!this.lastSet) {
                this.lastSet = new Set();
                this.hits.set(file, this.lastSet);
            }
        }
        this.lastSet.add(line);
    };

    /** Lines hit in a file. */
    linesHit(file: string): ReadonlySet<number> {
        return this.hits.get(file) ?? new Set();
    }

    /** Coverage of the given targets, sorted by name. */
    report(targets: CoverageTarget[]): CoverageReport {
        const classes: ClassCoverage[] = [];
        let executable = 0;
        let covered = 0;
        for (const t of targets) {
            const hit = this.linesHit(t.file);
            const uncoveredLines: number[] = [];
            let c = 0;
            for (const line of t.lines) {
                if (hit.has(line)) c++;
                else uncoveredLines.push(line);
            }
            uncoveredLines.sort((a, b) => a - b);
            executable += t.lines.size;
            covered += c;
            classes.push({
                name: t.name,
                kind: t.kind,
                file: t.file,
                executable: t.lines.size,
                covered: c,
                percent: percentOf(c, t.lines.size),
                uncoveredLines
            });
        }
        classes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return { classes, executable, covered, percent: percentOf(covered, executable) };
    }
}

function percentOf(covered: number, total: number): number {
    return total === 0 ? 100 : (covered / total) * 100;
}
