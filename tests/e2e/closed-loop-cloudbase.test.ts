/** The closed loop in the browser again, with the server's store the CloudBase adapter on the CloudBase test bed. */
process.env.E2E_STORE = 'cloudbase';
// eslint-disable-next-line @typescript-eslint/no-var-requires
require('./closed-loop.test');
