/**
 * n8n-core 1.x starts a 60-second interval for SSH tunnels that keeps a test process alive; 2.x
 * unrefs it. Closing it after each test file lets jest exit on both lines without --forceExit.
 */
afterAll(async () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Container } = require('@n8n/di') as typeof import('@n8n/di');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: new () => { onShutdown(): void };
	};
	Container.get(SSHClientsManager).onShutdown();
});
