// The server's plugins decorate FastifyInstance by module augmentation. The tests see cloud-relay/src
// through its declarations (project references), where app.d.ts no longer imports the plugins,
// so this file brings their augmentations into the tests' program. Types only: nothing runs.
import type {} from '../src/plugins/auth.js'
import type {} from '../src/plugins/delivery-log.js'
import type {} from '../src/plugins/error-handler.js'
import type {} from '../src/plugins/metrics.js'
import type {} from '../src/plugins/refusals.js'
import type {} from '../src/plugins/storage.js'
import type {} from '../src/plugins/waiters.js'
