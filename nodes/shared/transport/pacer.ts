import { sleep } from 'n8n-workflow';

/**
 * Paces requests of one node execution: a token bucket for vendors that publish a rate, and a
 * shared pause when any request is told to wait (429 Retry-After), so parallel items back off
 * together instead of each hitting the limit again. Lives only as long as one execution.
 */
export class Pacer {
	private tokens: number;
	private last = Date.now();
	private resumeAt = 0;

	private readonly rate?: { perSecond: number; burst: number };

	/**
	 * Paces at 90% of the published rate with one request less of burst: requests reach the
	 * vendor's limiter with varying delay, and pacing at exactly the limit still draws 429s,
	 * each of which pauses every parallel item.
	 */
	constructor(published?: { perSecond: number; burst: number }) {
		this.rate = published && {
			perSecond: published.perSecond * 0.9,
			burst: Math.max(1, published.burst - 1),
		};
		this.tokens = this.rate?.burst ?? 0;
	}

	pauseFor(ms: number) {
		this.resumeAt = Math.max(this.resumeAt, Date.now() + ms);
	}

	async take(): Promise<void> {
		for (;;) {
			const now = Date.now();
			if (now < this.resumeAt) {
				await sleep(this.resumeAt - now);
				continue;
			}
			if (!this.rate) return;
			this.tokens = Math.min(
				this.rate.burst,
				this.tokens + ((now - this.last) / 1000) * this.rate.perSecond,
			);
			this.last = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return;
			}
			await sleep(Math.ceil(((1 - this.tokens) / this.rate.perSecond) * 1000));
		}
	}
}
