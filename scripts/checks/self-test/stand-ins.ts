/** The workbench must run the package's own Apex: a TypeScript re-implementation of an Apex class is caught. */
import { tsx, type Fault } from './fault.ts';

export const FAULTS: Fault[] = [
    {
        name: 'a TypeScript stand-in of an Apex controller in the workbench',
        files: {
            'workbench/org/call-controller.ts':
                "/** Answers the dialer's searches without the Apex. */\nexport function createWebexCallController(): Record<string, () => Promise<unknown>> {\n    return { searchPeople: async () => [] };\n}\n"
        },
        check: tsx('scripts/checks/workbench-stand-ins.ts'),
        expect: /createWebexCallController re-implements the Apex class webexcallcontroller/
    }
];
