/**
 * The platform event trigger's configuration (platformEventSubscriberConfigs/): it must configure a
 * trigger of the package on a platform event, or the package fails to install.
 */
import { tsx, type Fault } from './fault.ts';

const CONFIG =
    'force-app/main/default/platformEventSubscriberConfigs/WebexErrorEventTriggerConfig.platformEventSubscriberConfig-meta.xml';

export const FAULTS: Fault[] = [
    {
        name: 'metadata rules: a platform event subscriber config naming a trigger that is not on a platform event',
        edits: [
            {
                file: CONFIG,
                find: '<platformEventConsumer>WebexErrorEventTrigger</platformEventConsumer>',
                replace: '<platformEventConsumer>WebexLeadPhoneKeys</platformEventConsumer>'
            }
        ],
        check: tsx('scripts/checks/metadata-rules.ts'),
        expect: /platformEventConsumer WebexLeadPhoneKeys is not a trigger of the package on a platform event/
    }
];
