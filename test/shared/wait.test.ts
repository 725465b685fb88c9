import { createHmac } from 'node:crypto';

// The package as built, as n8n loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const outcome =
	require('../../dist/nodes/shared/wait/outcome') as typeof import('../../nodes/shared/wait/outcome');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wakeUp =
	require('../../dist/nodes/shared/wait/wakeUp') as typeof import('../../nodes/shared/wait/wakeUp');

describe('Wait for Signature: one vocabulary, and the wake-up token', () => {
	it('maps every vendor word it knows, and nothing else ends a wait', () => {
		expect(outcome.VENDOR_WORDS).toEqual({
			Lumin: {
				NEED_TO_SIGN: 'open',
				WAITING_FOR_OTHERS: 'open',
				WAITING_FOR_PROCESSING: 'open',
				APPROVED: 'completed',
				REJECTED: 'declined',
				CANCELLED: 'canceled',
				FAILED: 'failed',
				EXPIRED: 'expired',
			},
			SignatureAPI: {
				processing: 'open',
				in_progress: 'open',
				completed: 'completed',
				canceled: 'canceled',
				failed: 'failed',
				rejected: 'declined',
			},
			signNow: {
				pending: 'open',
				created: 'open',
				completed: 'completed',
				declined: 'declined',
				expired: 'expired',
				canceled: 'canceled',
			},
			Umbrella: {
				pending: 'open',
				processing: 'open',
				completed: 'completed',
				complete: 'completed',
				aborted: 'canceled',
				canceled: 'canceled',
				declined: 'declined',
				expired: 'expired',
				error: 'failed',
				failed: 'failed',
			},
			Leegality: {
				DRAFT: 'open',
				SENT: 'open',
				COMPLETED: 'completed',
				REJECTED: 'declined',
				EXPIRED: 'expired',
			},
		});
		expect(outcome.signingStatus('Lumin', 'APPROVED')).toBe('completed');
		expect(outcome.signingStatus('Lumin', 'NEED_TO_SIGN')).toBeUndefined();
		// An unknown word, or a word of another vendor, keeps the wait going.
		expect(outcome.signingStatus('Lumin', 'SOMETHING_NEW')).toBeUndefined();
		expect(outcome.signingStatus('Leegality', 'completed')).toBeUndefined();
	});

	it('pins the token of a fixed credential secret, execution and next page', () => {
		const secret = 'key_test_4Jd8sPq2LmZx7Vw1Rt6y';
		const key = wakeUp.wakeUpKey({ apiKey: '', webhookSecret: secret }, [
			'apiKey',
			'webhookSecret',
		])!;
		// Computed independently: the key is an HMAC of a fixed text keyed with the secret.
		const expectedKey = createHmac('sha256', secret).update('n8n-nodes-esign wake-up v1').digest();
		expect(key.equals(expectedKey)).toBe(true);
		expect(key.toString('hex')).toBe(
			'd861b4946c9135b80b9adea489a81cbd66a11c060eb5780a85e98a2eb1f094ae',
		);
		const next = 'https://app.example.com/signed?order=1042';
		expect(wakeUp.wakeUpToken(key, '4711', [next])).toBe(
			'YRkZX3sjir4kYr3wUm4uVeGDdphC5PDLXrHXbkCh4l4',
		);
		expect(
			createHmac('sha256', expectedKey)
				.update(JSON.stringify(['v1', '4711', next]))
				.digest('base64url'),
		).toBe('YRkZX3sjir4kYr3wUm4uVeGDdphC5PDLXrHXbkCh4l4');

		const url = wakeUp.wakeUpUrl(
			'https://n8n.example.com/webhook-waiting/4711?signature=abc',
			['next'],
			{ next },
			key,
			'4711',
		);
		expect(url).toBe(
			'https://n8n.example.com/webhook-waiting/4711?signature=abc&next=https%3A%2F%2Fapp.example.com%2Fsigned%3Forder%3D1042&esign=YRkZX3sjir4kYr3wUm4uVeGDdphC5PDLXrHXbkCh4l4',
		);
		const query = Object.fromEntries(new URL(url).searchParams);
		expect(wakeUp.hasWakeUpToken(query, ['next'], key, '4711')).toBe(true);
		// Another execution, another page, another key, or no token: refused.
		expect(wakeUp.hasWakeUpToken(query, ['next'], key, '4712')).toBe(false);
		expect(
			wakeUp.hasWakeUpToken({ ...query, next: 'https://evil.example.com' }, ['next'], key, '4711'),
		).toBe(false);
		expect(wakeUp.hasWakeUpToken(query, ['next'], Buffer.alloc(32), '4711')).toBe(false);
		expect(wakeUp.hasWakeUpToken({ next }, ['next'], key, '4711')).toBe(false);
		// A credential without the secret has no key.
		expect(wakeUp.wakeUpKey({ apiKey: '' }, ['apiKey'])).toBeUndefined();
	});
});
