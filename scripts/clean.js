// Removes the previous build so that files deleted from the source never linger in dist/.
require('fs').rmSync(require('path').join(__dirname, '..', 'dist'), {
	recursive: true,
	force: true,
});
