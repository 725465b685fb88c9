import { redact, redactText, secretValues, withoutField } from '../../nodes/shared/redact';
import { alphabetical, oneOf } from '../../nodes/shared/schemas';
import { backoffMs, retryAfterMs } from '../../nodes/shared/transport/retry';
import { safeEqual, verifyHmac } from '../../nodes/shared/webhook';

describe('small shared functions', () => {
	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-11-21T10:00:00Z');
		expect(retryAfterMs('2', now)).toBe(2000);
		expect(retryAfterMs('0.5', now)).toBe(500);
		expect(retryAfterMs(['3'], now)).toBe(3000);
		expect(retryAfterMs('Sat, 21 Nov 2026 10:00:05 GMT', now)).toBe(5000);
		expect(retryAfterMs('Sat, 21 Nov 2026 09:59:00 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
		expect([1, 2, 3].map(backoffMs)).toEqual([500, 1000, 2000]);
	});

	it('compares in constant time whatever the lengths, and verifies HMACs', () => {
		expect(safeEqual('abc', 'abc')).toBe(true);
		expect(safeEqual('abc', 'abd')).toBe(false);
		expect(safeEqual('abc', 'abcd')).toBe(false);
		expect(safeEqual('', '')).toBe(true);
		const signature = 'b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad';
		expect(
			verifyHmac({ algorithm: 'sha256', key: '', payload: '', encoding: 'hex', signature }),
		).toBe(true);
		expect(
			verifyHmac({ algorithm: 'sha256', key: '', payload: 'x', encoding: 'hex', signature }),
		).toBe(false);
		expect(
			verifyHmac({
				algorithm: 'sha256',
				key: '',
				payload: '',
				encoding: 'hex',
				signature: undefined,
			}),
		).toBe(false);
		// RFC 2202 test case 2 (HMAC-SHA1) and its base64 form.
		const sha1 = {
			algorithm: 'sha1' as const,
			key: 'Jefe',
			payload: 'what do ya want for nothing?',
		};
		expect(
			verifyHmac({
				...sha1,
				encoding: 'hex',
				signature: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
			}),
		).toBe(true);
		expect(
			verifyHmac({ ...sha1, encoding: 'base64', signature: '7/zfauXrL6LSdBbV8YTfnCWafHk=' }),
		).toBe(true);
		expect(
			verifyHmac({ ...sha1, encoding: 'base64', signature: '7/zfauXrL6LSdBbV8YTfnCWafHk' }),
		).toBe(false);
	});

	it('redacts secret values anywhere and secret-named fields whatever they hold', () => {
		const secrets = secretValues(['k3y-s3cr3t-value', 'prod', '', undefined]);
		expect(secrets).toEqual(['k3y-s3cr3t-value']);
		expect(redactText('bad key k3y-s3cr3t-value!', secrets)).toBe('bad key [redacted]!');
		expect(
			redact(
				{
					detail: ['k3y-s3cr3t-value'],
					headers: { Authorization: 'Bearer abc', 'X-Other': 'fine' },
					access_token: 'zzz',
					n: 1,
				},
				secrets,
			),
		).toEqual({
			detail: ['[redacted]'],
			headers: { Authorization: '[redacted]', 'X-Other': 'fine' },
			access_token: '[redacted]',
			n: 1,
		});
	});

	it('drops a field at any depth, in any case, and keeps everything else', () => {
		const body = {
			meta: { event: 'document.complete', Access_Token: 'abc' },
			content: [{ access_token: 'x', id: 1 }],
			note: 'access_token',
		};
		expect(withoutField(body, 'access_token')).toEqual({
			meta: { event: 'document.complete' },
			content: [{ id: 1 }],
			note: 'access_token',
		});
		expect(body.meta.Access_Token).toBe('abc');
	});

	it("takes a dropdown's values for its rule, and lists them in the order given", () => {
		const options = [
			{ name: 'Zeta', value: 'z' },
			{ name: 'Alpha', value: 'a' },
			{ name: 'Mid', value: 'm' },
		];
		expect(oneOf(options).safeParse('m').success).toBe(true);
		expect(oneOf(options).safeParse('q').error?.issues[0].message).toBe('Must be z, a or m.');
		expect(
			oneOf(options, (values) => `One of ${values.join('/')}.`).safeParse(1).error?.issues[0]
				.message,
		).toBe('One of z/a/m.');
		expect(alphabetical(options).map((o) => o.value)).toEqual(['a', 'm', 'z']);
		expect(options.map((o) => o.value)).toEqual(['z', 'a', 'm']);
	});
});
