/**
 * Where an n8n process spent its CPU time while a measured node ran, from a V8 .cpuprofile
 * (`BENCH_CPU_PROF=<folder> npm run bench`):
 *
 *   node scripts/e2e/bench/profile.js <file.cpuprofile> [frame pattern, default n8n-nodes-esign|HttpRequest]
 *
 * The window is from the first to the last sample with a frame matching the pattern (the
 * measured node's own code); inside it, time is summed by module (the package a frame's file
 * belongs to) and by function, self (the frame itself) and total (the frame anywhere on the stack).
 */
const { readFileSync } = require('node:fs');

const [file, patternText = 'n8n-nodes-esign|HttpRequest'] = process.argv.slice(2);
if (!file) {
	console.error('usage: profile.js <file.cpuprofile> [frame pattern]');
	process.exit(2);
}
const pattern = new RegExp(patternText);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parent.set(child, node.id);

function moduleOf(url) {
	if (!url) return '(native)';
	const parts = url.split('node_modules/');
	if (parts.length === 1) return url.startsWith('node:') ? 'node' : url;
	const rest = parts[parts.length - 1].split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

const keyOf = (node) => {
	const { functionName, url, lineNumber } = node.callFrame;
	return `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`;
};

const stackOf = (id) => {
	const stack = [];
	for (let cur = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur));
	return stack;
};

const samples = profile.samples.map((id, i) => ({ id, ms: (profile.timeDeltas[i] ?? 0) / 1000 }));
let t = 0;
for (const sample of samples) sample.at = t += sample.ms;
// Frames at line 1 are the module being loaded at startup, not the node running.
const ownFrame = (n) => pattern.test(n.callFrame.url) && n.callFrame.lineNumber > 0;
const matching = samples.filter((s) => stackOf(s.id).some(ownFrame));
if (!matching.length) {
	console.log(`no frame matches /${patternText}/`);
	process.exit(0);
}
const from = matching[0].at;
const to = matching[matching.length - 1].at;
const window = samples.filter((s) => s.at >= from && s.at <= to);

const byModule = new Map();
const self = new Map();
const total = new Map();
let busy = 0;
for (const sample of window) {
	const stack = stackOf(sample.id);
	const leaf = stack[0];
	if (leaf.callFrame.functionName !== '(idle)') busy += sample.ms;
	const mod = leaf.callFrame.functionName.startsWith('(')
		? leaf.callFrame.functionName
		: moduleOf(leaf.callFrame.url);
	byModule.set(mod, (byModule.get(mod) ?? 0) + sample.ms);
	self.set(keyOf(leaf), (self.get(keyOf(leaf)) ?? 0) + sample.ms);
	for (const key of new Set(stack.map(keyOf))) total.set(key, (total.get(key) ?? 0) + sample.ms);
}

const top = (map, n, filter = () => true) =>
	[...map.entries()]
		.filter(([key]) => filter(key))
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([key, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${key}`)
		.join('\n');

console.log(
	`${file}: window ${((to - from) / 1000).toFixed(2)} s, busy ${(busy / 1000).toFixed(2)} s (samples with a frame matching /${patternText}/: ${matching.length})`,
);
console.log(`\nSelf time by module:\n${top(byModule, 15)}`);
console.log(`\nSelf time by function:\n${top(self, 25)}`);
console.log(
	`\nTotal time of the measured node's own functions:\n${top(total, 25, (key) => pattern.test(key))}`,
);
