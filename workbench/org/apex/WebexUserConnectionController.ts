/**
 * The emulated org's WebexUserConnectionController (classes/connection/): the connect card's entry
 * points, acting on the signed-in user's own connection, held to the typed contract in types/apex.d.ts.
 */
import type disconnect from '@salesforce/apex/WebexUserConnectionController.disconnect';
import type getConnection from '@salesforce/apex/WebexUserConnectionController.getConnection';
import type startConnection from '@salesforce/apex/WebexUserConnectionController.startConnection';
import type { EmulatedOrg } from '../org-state.ts';
import * as service from './user-connection.ts';

export interface WebexUserConnectionControllerApi {
    getConnection: typeof getConnection;
    startConnection: typeof startConnection;
    disconnect: typeof disconnect;
}

export function createWebexUserConnectionController(org: EmulatedOrg): WebexUserConnectionControllerApi {
    return {
        getConnection: () => service.getConnection(org),
        startConnection: async () => service.startConnection(org),
        disconnect: () => service.disconnect(org)
    };
}
