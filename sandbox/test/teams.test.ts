import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auth, harness, type Harness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(async () => {
  await h.close()
})

const [toronto, berlin] = [() => h.state.accounts[0]!, () => h.state.accounts[1]!]

async function get(url: string, apiKey: string) {
  const res = await h.app.inject({ url, headers: auth(apiKey) })
  return { status: res.statusCode, body: res.json() }
}

async function teamOf(apiKey: string): Promise<number> {
  const { status, body } = await get('/v2/teams', apiKey)
  expect(status).toBe(200)
  expect(body.data).toHaveLength(1)
  return body.data[0].id as number
}

describe('GET /v2/teams and /v2/teams/{teamId}/memberships', () => {
  it('a branch account owns one team whose members are its staff, each named by id, username and name', async () => {
    const teamId = await teamOf(toronto().apiKey)
    const { status, body } = await get(`/v2/teams/${teamId}/memberships`, toronto().apiKey)
    expect(status).toBe(200)
    const staff = h.sandbox.store.staffOf(toronto().userId)
    expect(body.data).toEqual([
      expect.objectContaining({ userId: toronto().userId, role: 'OWNER', accepted: true }),
      ...staff.map((s) =>
        expect.objectContaining({
          userId: s.id,
          teamId,
          role: 'MEMBER',
          accepted: true,
          user: { username: s.username, name: s.name, email: s.email },
        }),
      ),
    ])
  })

  it('a member added in Cal.com is listed, under the username they have now', async () => {
    const store = h.sandbox.store
    const [someone] = store.staffOf(toronto().userId)
    const lee = store.addStaff({ ...someone!, name: 'Lee Park', username: 'lee' })
    someone!.username = 'renamed'
    const teamId = await teamOf(toronto().apiKey)
    const { body } = await get(`/v2/teams/${teamId}/memberships`, toronto().apiKey)
    const users = body.data.map((m: { userId: number; user: { username: string } }) => [
      m.userId,
      m.user.username,
    ])
    expect(users).toContainEqual([lee.id, 'lee'])
    expect(users).toContainEqual([someone!.id, 'renamed'])
  })

  it('pages with take and skip, and filters by emails', async () => {
    const teamId = await teamOf(toronto().apiKey)
    const all = (await get(`/v2/teams/${teamId}/memberships`, toronto().apiKey)).body.data
    const page = await get(`/v2/teams/${teamId}/memberships?take=2&skip=1`, toronto().apiKey)
    expect(page.body.data).toEqual(all.slice(1, 3))
    const email = all[2].user.email as string
    const one = await get(
      `/v2/teams/${teamId}/memberships?emails=${encodeURIComponent(email)}`,
      toronto().apiKey,
    )
    expect(one.body.data).toEqual([all[2]])
  })

  it("another account's team is forbidden (403 envelope), and no credential is a 401", async () => {
    const teamId = await teamOf(toronto().apiKey)
    const other = await get(`/v2/teams/${teamId}/memberships`, berlin().apiKey)
    expect(other.status).toBe(403)
    expect(other.body.error.code).toBe('ForbiddenException')
    const anon = await h.app.inject({ url: '/v2/teams' })
    expect(anon.statusCode).toBe(401)
  })

  it('an http403 fault answers as a token lacking the scope does', async () => {
    const fault = await h.app.inject({
      method: 'POST',
      url: '/_sandbox/faults/api',
      payload: { mode: 'http403', count: 1, pathPrefix: '/v2/teams' },
    })
    expect(fault.statusCode).toBe(201)
    const denied = await get('/v2/teams', toronto().apiKey)
    expect(denied.status).toBe(403)
    expect(denied.body.error.message).toMatch(/^insufficient_scope/)
    expect((await get('/v2/teams', toronto().apiKey)).status).toBe(200)
  })
})
