/**
 * Apex that compiles, passes its tests here and fails in an org or opens a hole there: test limits read
 * after the test spent them, exception text sent to the browser, assertions that cannot fail, system
 * context outside the allowed classes, admin entry points without the admin check, queries in loops and
 * callouts after DML reached through helpers, unchecked names in dynamic SOQL, and a PMD waiver that would
 * hide a new finding in its file.
 */
import { API, tsx, type Fault } from './fault.ts';

const CLASSES = 'force-app/main/default/classes';

/** A pattern that matches only text every one of `patterns` matches (in any order). */
const allOf = (...patterns: RegExp[]): RegExp => new RegExp(patterns.map((p) => `(?=[\\s\\S]*${p.source})`).join(''));

/** One Apex file (written as given) and its meta file. */
const apexFile = (folder: string, name: string, source: string): Record<string, string> => ({
    [`${CLASSES}/${folder}${name}.cls`]: source,
    [`${CLASSES}/${folder}${name}.cls-meta.xml`]: API
});

export const FAULTS: Fault[] = [
    {
        name: 'apex test hygiene: Limits compared to 0 inside a System.runAs opened after startTest',
        files: apexFile(
            '',
            'ZzFaultLimits_Test',
            `@IsTest
private class ZzFaultLimits_Test {
    @IsTest
    static void readingWritesNothing() {
        Integer writes;
        Test.startTest();
        System.runAs(new User(Id = UserInfo.getUserId())) {
            String name = UserInfo.getName();
            writes = Limits.getDmlStatements();
            Assert.isNotNull(name, 'A name');
        }
        Test.stopTest();
        Assert.areEqual(0, writes, 'Nothing written');
    }
}
`
        ),
        check: tsx('scripts/checks/apex-test-limits.ts'),
        expect: /ZzFaultLimits_Test\.readingWritesNothing: Limits\.getDmlStatements\(\) is compared to 0/
    },
    {
        name: "apex exception text: an AuraHandledException built from a caught exception's message",
        files: apexFile(
            '',
            'ZzFaultLeak',
            `public with sharing class ZzFaultLeak {
    @AuraEnabled
    public static String rename(Id accountId, String name) {
        try {
            update as user new Account(Id = accountId, Name = name);
            return name;
        } catch (DmlException e) {
            String detail = e.getMessage();
            throw failure(detail);
        }
    }

    private static AuraHandledException failure(String text) {
        return new AuraHandledException('Could not rename: ' + text);
    }
}
`
        ),
        check: tsx('scripts/checks/apex-aura-message.ts'),
        expect: /ZzFaultLeak\.rename: .*caught exception's message/
    },
    {
        // A Visualforce page shows what its controller exposes: a property set from a helper that returns the
        // exception's message, and a page message built from a DML message.
        name: "apex exception text: a caught exception's message shown on a Visualforce page",
        files: {
            ...apexFile(
                '',
                'ZzFaultPageController',
                `public with sharing class ZzFaultPageController {
    public String message { get; private set; }

    public ZzFaultPageController() {
        try {
            message = [SELECT Name FROM Account WITH USER_MODE LIMIT 1].Name;
        } catch (QueryException e) {
            message = describe(e);
        }
    }

    public PageReference save() {
        try {
            insert as user new Account(Name = message);
        } catch (DmlException e) {
            ApexPages.addMessage(new ApexPages.Message(ApexPages.Severity.ERROR, 'Not saved: ' + e.getDmlMessage(0)));
        }
        return null;
    }

    private static String describe(Exception failure) {
        return 'Could not read the account: ' + failure.getMessage();
    }
}
`
            ),
            'force-app/main/default/pages/zzfaultpage.page':
                '<apex:page controller="ZzFaultPageController">{!message}<apex:pageMessages /></apex:page>\n',
            'force-app/main/default/pages/zzfaultpage.page-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<ApexPage xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><label>zzfaultpage</label></ApexPage>\n'
        },
        check: tsx('scripts/checks/apex-aura-message.ts'),
        expect: allOf(
            /ZzFaultPageController\.ZzFaultPageController: Visualforce controller property ZzFaultPageController\.message/,
            /ZzFaultPageController\.save: new ApexPages\.Message/
        )
    },
    {
        name: 'apex assertion on constants only',
        files: apexFile(
            '',
            'ZzFaultConstant_Test',
            `@IsTest
private class ZzFaultConstant_Test {
    @IsTest
    static void savesTheCall() {
        String saved = 'call-1';
        Assert.isNotNull(saved, 'Saved');
        Assert.areEqual(1, 1, 'One Task');
    }
}
`
        ),
        check: tsx('scripts/checks/apex-constant-assert.ts'),
        expect: /ZzFaultConstant_Test\.savesTheCall: Assert\.areEqual\(1, 1\) compares constants only/
    },
    {
        name: 'apex test layout: a shared @IsTest helper outside classes/test-support/',
        files: apexFile(
            'calling/',
            'ZzFaultCallingFakes',
            `@IsTest
public class ZzFaultCallingFakes {
    public static Contact olivia() {
        return new Contact(LastName = 'Martin');
    }
}
`
        ),
        check: tsx('scripts/checks/apex-test-layout.ts'),
        expect: /ZzFaultCallingFakes: a shared @IsTest helper is named WebexTest<Subject> and lives in classes\/test-support\//
    },
    {
        name: 'apex test data: an ISO code written in a country text field (refused where country picklists are on)',
        files: apexFile(
            '',
            'ZzFaultCountry_Test',
            `@IsTest
private class ZzFaultCountry_Test {
    @IsTest
    static void readsTheNumberInFrance() {
        Contact emma = new Contact(LastName = 'Jones', MailingCountry = 'FR', MobilePhone = '09.23.88.27.45');
        insert as user emma;
        Assert.isNotNull(emma.Id, 'Emma saved');
    }
}
`
        ),
        check: tsx('scripts/checks/apex-country-literal.ts'),
        expect: /ZzFaultCountry_Test\.cls:5\s+MailingCountry = 'FR': an ISO code/
    },
    {
        // Two classes in one copy (one parse): each kind must be reported.
        name: 'apex system context: SYSTEM_MODE, and a class without a sharing keyword writing without "as user"',
        files: {
            ...apexFile(
                '',
                'ZzFaultSystemMode',
                `public with sharing class ZzFaultSystemMode {
    public static Integer countContacts() {
        return Database.countQuery('SELECT COUNT() FROM Contact', AccessLevel.SYSTEM_MODE);
    }
}
`
            ),
            ...apexFile(
                '',
                'ZzFaultNoSharing',
                `public class ZzFaultNoSharing {
    public static void close(List<Task> tasks) {
        update tasks;
    }
}
`
            )
        },
        check: tsx('scripts/checks/apex-system-context.ts'),
        expect: allOf(
            /ZzFaultSystemMode: AccessLevel\.SYSTEM_MODE \(SYSTEM_MODE\) outside the classes allowed/,
            /ZzFaultNoSharing: no sharing keyword \(no sharing declaration\)/,
            /ZzFaultNoSharing: DML without "as user" \(implicit system mode\)/
        )
    },
    {
        name: 'apex admin access: an admin controller method that queries before the admin check',
        files: apexFile(
            'admin/',
            'ZzFaultAdminController',
            `public with sharing class ZzFaultAdminController {
    @AuraEnabled
    public static Integer countAdmins() {
        try {
            Integer admins = [SELECT COUNT() FROM PermissionSetAssignment WITH USER_MODE];
            WebexAdminAccess.requireAdmin();
            return admins;
        } catch (Exception e) {
            throw WebexException.toAuraHandled(e);
        }
    }
}
`
        ),
        check: tsx('scripts/checks/apex-admin-access.ts'),
        expect: /ZzFaultAdminController\.countAdmins: @AuraEnabled method of an admin controller runs SOQL query before checking/
    },
    {
        name: 'apex call graph: a query reached from a loop through a helper, and a callout after DML through a helper',
        files: {
            ...apexFile(
                '',
                'ZzFaultLoop',
                `public with sharing class ZzFaultLoop {
    public static List<String> names(List<Id> accountIds) {
        List<String> names = new List<String>();
        for (Id accountId : accountIds) {
            names.add(nameOf(accountId));
        }
        return names;
    }

    private static String nameOf(Id accountId) {
        return [SELECT Name FROM Account WHERE Id = :accountId WITH USER_MODE LIMIT 1].Name;
    }
}
`
            ),
            ...apexFile(
                '',
                'ZzFaultCallout',
                `public with sharing class ZzFaultCallout {
    public static void save(Account record) {
        insert as user record;
        if (record.Id != null) {
            announce(record.Id);
        }
    }

    private static void announce(Id recordId) {
        HttpRequest request = new HttpRequest();
        request.setEndpoint('callout:Nowhere/accounts/' + recordId);
        request.setMethod('POST');
        new Http().send(request);
    }
}
`
            )
        },
        check: tsx('scripts/checks/apex-call-graph.ts'),
        expect: allOf(
            /ZzFaultLoop\.names: inside a loop, ZzFaultLoop\.nameOf\(\) → SOQL query/,
            /ZzFaultCallout\.save: ZzFaultCallout\.announce\(\) → Http\.send \(line \d+\) after insert \(line 3\)/
        )
    },
    {
        name: 'apex dynamic SOQL: a field name concatenated without a schema check',
        files: apexFile(
            '',
            'ZzFaultSoqlField',
            `public with sharing class ZzFaultSoqlField {
    public static List<SObject> read(String fieldName) {
        return Database.query('SELECT Id, ' + fieldName + ' FROM Account', AccessLevel.USER_MODE);
    }
}
`
        ),
        check: tsx('scripts/checks/apex-dynamic-soql.ts'),
        expect: /ZzFaultSoqlField\.read: the Database\.query string concatenates fieldName/
    },
    {
        // The class's one waiver accepts its existing test methods one by one, not the rule in the file.
        name: 'pmd waiver: a new finding in a file whose other findings are waived',
        edits: [
            {
                file: `${CLASSES}/shared/WebexException_Test.cls`,
                find: /\}\s*$/,
                replace: `
    @IsTest
    static void zzFaultNewTestWithoutRunAs() {
        Assert.areEqual('x', String.valueOf('x'), 'Same text');
    }
}
`
            }
        ],
        check: tsx('scripts/checks/pmd.ts'),
        expect: /WebexException_Test\.cls:\d+ +\[severity 4\] ApexUnitTestClassShouldHaveRunAs/
    }
];
