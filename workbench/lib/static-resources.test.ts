/**
 * The workbench's static resources: the URL an org gives a resource, and the stand-in for DNS that points the Webex
 * SDK's discovery URLs at the emulator in JavaScript resources only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resourceName, routedBody } from './static-resources.ts';

describe('static resources in the workbench', () => {
    it('reads the resource name from /resource/<timestamp>/<name>, with or without the namespace', () => {
        assert.equal(resourceName('/resource/1765000000000/WebexSdk', ''), 'WebexSdk');
        assert.equal(resourceName('/resource/WebexSdk', ''), 'WebexSdk');
        assert.equal(resourceName('/resource/1765000000000/webexsf__WebexSdk', 'webexsf'), 'WebexSdk');
        assert.equal(resourceName('/resource/1/../secret', ''), undefined);
        assert.equal(resourceName('/resource/1/WebexSdk/inner.js', ''), undefined);
        assert.equal(resourceName('/app.js', ''), undefined);
    });

    it('points Webex’s discovery URLs at the emulator in JavaScript, and leaves other content alone', () => {
        const sdk = Buffer.from(
            'a="https://webexapis.com/v1";b="https://u2c.wbx2.com/u2c/api/v1";c="https://webexapis.com/v1"'
        );
        assert.equal(
            routedBody(sdk, 'application/javascript', 'http://localhost:4444').toString(),
            'a="http://localhost:4444/v1";b="http://localhost:4444/u2c/api/v1";c="http://localhost:4444/v1"'
        );
        assert.equal(routedBody(sdk, 'text/plain', 'http://localhost:4444'), sdk);
    });
});
