import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { notFound } from '../../domain/errors.js'
import { renderMe } from '../../domain/render/account.js'
import { requireCaller } from '../../plugins/auth.js'

const me: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', async (request) => {
    const caller = requireCaller(request)
    const account = app.sandbox.store.accounts.get(caller.userId)
    if (!account) throw notFound(`User with id=${caller.userId} not found`)
    return { status: 'success', data: renderMe(account) }
  })
}

export default me
