import { plainRequest } from '../harness/tls';
import type { DemoSetup } from './demo-setup';
import { UmbrellaSimulator } from './umbrella';

export const demo: DemoSetup = {
	credentialTypes: ['umbrellaApi'],
	async start() {
		const sim = await new UmbrellaSimulator().start();
		return {
			credentials: { umbrellaApi: sim.credential() },
			// Examples that look up a fixed session ID find it signed, as if the signer had finished.
			prepare(workflow) {
				for (const node of workflow.nodes) {
					const { sessionId } = node.parameters as Record<string, unknown>;
					if (typeof sessionId === 'string' && sessionId !== '' && !sessionId.startsWith('=')) {
						sim.seed(sessionId);
						sim.complete(sessionId);
					}
				}
			},
			// A signer whose session sends them back to a waiting execution signs, and their browser goes back.
			async sign() {
				for (const session of sim.sessions.values()) {
					const redirect = String(session.body.redirectUrl ?? '');
					if (!redirect.includes('/webhook-waiting/') || session.status === 'completed') continue;
					await plainRequest(sim.finishSession(session.requestId));
				}
			},
			stop: () => sim.stop(),
		};
	},
};
