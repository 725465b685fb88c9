import { Simulator } from './base';

describe('Simulator', () => {
	let sim: Simulator;
	beforeEach(async () => {
		sim = await new Simulator().start();
	});
	afterEach(async () => await sim.stop());

	it('answers 500 at once when a route’s answer cannot be written, instead of leaving the client waiting', async () => {
		sim.route('GET', '/bad-header', () => ({
			status: 200,
			headers: { 'content-disposition': 'attachment; filename="a–b.pdf"' },
			raw: Buffer.from('%PDF-1.4'),
		}));
		const answer = await fetch(`${sim.baseUrl}/bad-header`, { signal: AbortSignal.timeout(5000) });
		expect(answer.status).toBe(500);
		expect(((await answer.json()) as { message: string }).message).toMatch(/^simulator error: /);
	});
});
