// The server's plugins decorate FastifyInstance by module augmentation. The tests see sandbox/src
// through its declarations (project references), where app.d.ts no longer imports the plugins,
// so this file brings their augmentations into the tests' program. Types only: nothing runs.
import type {} from '../src/plugins/context.js'
import type {} from '../src/plugins/traffic.js'
