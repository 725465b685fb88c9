const { src, dest, parallel, task } = require('gulp');

// tsc emits only .js/.d.ts/.json; icons are referenced with `file:` paths relative to the built
// files, so they are copied into dist/ keeping their folder layout.
function copyTopLevelIcons() {
	return src('icons/**/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyIconsBesideCode() {
	return src('{nodes,credentials}/**/*.{png,svg}', { encoding: false, allowEmpty: true }).pipe(
		dest('dist'),
	);
}

task('build:icons', parallel(copyTopLevelIcons, copyIconsBesideCode));
