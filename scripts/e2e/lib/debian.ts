/**
 * The Debian packages the end-to-end runs use (chromium, redis-server, postgresql, stress-ng),
 * installed with apt-get when missing: CI runs as root on a fresh machine.
 */
import { execFileSync } from 'node:child_process';

export function which(binary: string): string | undefined {
	try {
		return (
			execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim() || undefined
		);
	} catch {
		return undefined;
	}
}

/**
 * Installs `packages` with apt-get (after apt-get update); not root: with sudo. Recommended
 * packages only when asked (Chromium's fonts, which the screenshots show).
 */
export function aptInstall(packages: string[], options: { recommends?: boolean } = {}): void {
	if (!packages.length) return;
	console.log(`Installing ${packages.join(', ')} with apt-get…`);
	const prefix = process.getuid?.() === 0 ? [] : ['sudo'];
	const run = (args: string[]) => {
		const [command, ...rest] = [...prefix, ...args];
		execFileSync(command, rest, {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
	};
	run(['apt-get', 'update']);
	run([
		'apt-get',
		'install',
		'-y',
		...(options.recommends ? [] : ['--no-install-recommends']),
		...packages,
	]);
}
